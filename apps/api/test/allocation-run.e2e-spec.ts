import { DataSource } from 'typeorm';
import { SignedIn, signUp, staffUser } from './testing/fixtures';
import { approvedProvider, daysFromNow, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import {
  AllocationRunDocument,
  type AllocationRunMode,
  type AllocationRunQuery,
  AllocationRunServedItemsDocument,
  ApplyToOfferAgainDocument,
  CancelAllocationRunDocument,
  DeclineMatchDocument,
  OfferRecommendationsDocument,
  StartAllocationRunDocument,
  WithdrawMatchDocument,
} from './gql/generated';
import { applyTo, askFor, eventually, matchAs, notificationKinds } from './testing/match-fixtures';
import { dataOf, invalidVariables, member, startTestApp, TestApp } from './testing/test-app';

type RunResult = AllocationRunQuery['allocationRun'];

const [TORINO, ROMA, MILANO, PALERMO] = ['001272', '058091', '015146', '082053'];

describe('Allocation runs over GraphQL (a database of their own: a run takes every open request)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;

  beforeAll(async () => {
    api = await startTestApp({ worker: true, ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  const run = async (mode: AllocationRunMode): Promise<RunResult> => {
    const started = await api.gqlAs(staff.accessToken, StartAllocationRunDocument, { input: { mode } });
    expect(started.data?.startAllocationRun.status).toBe('QUEUED');
    const { id } = dataOf(started).startAllocationRun;
    return eventually(
      async () => dataOf(await api.gqlAs(staff.accessToken, AllocationRunDocument, { id })).allocationRun,
      (r) => ['PREVIEWED', 'COMMITTED', 'FAILED'].includes(r.status),
    );
  };

  it('previews, then commits, an assignment that serves as many as possible, older requests first', async () => {
    const torinoStore = await publishedOffer(api, provider, { capacity: 2, coverage: { comuneCodes: [TORINO] } });
    const nationalStore = await publishedOffer(api, provider, { capacity: 1, coverage: { national: true } });
    const milanoDelivery = await publishedOffer(api, provider, { capacity: 1, categories: ['HOME_DELIVERY'], coverage: { comuneCodes: [MILANO] } });
    const nationalDelivery = await publishedOffer(api, provider, { capacity: 1, categories: ['HOME_DELIVERY'], coverage: { national: true } });

    const torino = [await shopIn(api, TORINO), await shopIn(api, TORINO), await shopIn(api, TORINO)];
    const torinoRequests = [await askFor(api, torino[0]), await askFor(api, torino[1]), await askFor(api, torino[2])];
    // Waiting longest: the first two Torino requests are weeks old, the third is new.
    await db.query(`UPDATE help_request SET created_at = now() - interval '30 days' WHERE id = ANY($1)`, [torinoRequests.slice(0, 2)]);
    const roma = await shopIn(api, ROMA);
    const romaRequest = await askFor(api, roma);
    // Milano: one shop holds the only local delivery place, another waits for it.
    const [holder, waiting] = [await shopIn(api, MILANO), await shopIn(api, MILANO)];
    await applyTo(api, holder, await askFor(api, holder, 'HOME_DELIVERY'), milanoDelivery.id);
    const waitingRequest = await askFor(api, waiting, 'HOME_DELIVERY');
    const waitlisted = await applyTo(api, waiting, waitingRequest, milanoDelivery.id);
    expect(waitlisted.state).toBe('WAITLISTED');
    const palermo = await shopIn(api, PALERMO);
    const palermoRequest = await askFor(api, palermo, 'CYBERSECURITY');
    // An account whose address is not confirmed may not apply, so a run gives it no place either.
    const unconfirmed = await shopIn(api, ROMA, { verified: false });
    const unconfirmedRequest = await askFor(api, unconfirmed);
    // Nor an account an admin disabled: nobody could answer for it.
    const disabled = await shopIn(api, ROMA);
    const disabledRequest = await askFor(api, disabled);
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [disabled.userId]);

    const preview = await run('PREVIEW');
    expect(preview.status).toBe('PREVIEWED');
    expect(preview.statistics).toMatchObject({ requests: 6, served: 4, unserved: 2 });
    expect(preview.statistics?.unservedByReason).toEqual(expect.arrayContaining([{ reason: 'ALL_FULL', count: 1 }, { reason: 'NO_ELIGIBLE_OFFER', count: 1 }]));
    const byRequest = new Map(preview.items.items.map((item) => [item.helpRequestId, item]));
    // Roma has only the national offer; the two older Torino requests take the local places.
    // No distance applies to area coverage: null, not 0 km.
    expect(byRequest.get(romaRequest)).toMatchObject({ offerId: nationalStore.id, coverageLevel: 'NATIONAL', distanceKm: null });
    expect(byRequest.get(torinoRequests[0])).toMatchObject({ offerId: torinoStore.id, coverageLevel: 'COMUNE', distanceKm: null });
    expect(byRequest.get(torinoRequests[1])).toMatchObject({ offerId: torinoStore.id });
    expect(byRequest.get(torinoRequests[2])).toMatchObject({ offerId: null, unservedReason: 'ALL_FULL' });
    expect(byRequest.get(waitingRequest)).toMatchObject({ offerId: nationalDelivery.id });
    expect(byRequest.get(palermoRequest)).toMatchObject({ unservedReason: 'NO_ELIGIBLE_OFFER' });
    expect(byRequest.has(unconfirmedRequest)).toBe(false);
    expect(byRequest.has(disabledRequest)).toBe(false);
    const [{ n: beforeCommit }] = await db.query(`SELECT count(*)::int AS n FROM match WHERE origin = 'ALLOCATION'`);
    expect(beforeCommit).toBe(0);

    const commit = await run('COMMIT');
    expect(commit.status).toBe('COMMITTED');
    expect(commit.statistics).toMatchObject({ served: 4, unserved: 2 });
    const created = await db.query(`SELECT help_request_id, offer_id, state FROM match WHERE allocation_run_id = $1 ORDER BY help_request_id`, [commit.id]);
    expect(created).toHaveLength(4);
    expect(created.every((m: { state: string }) => m.state === 'PENDING')).toBe(true);
    const used = await db.query(`SELECT id, used, capacity FROM offer WHERE id = ANY($1)`, [[torinoStore.id, nationalStore.id, nationalDelivery.id]]);
    expect(used.every((o: { used: number; capacity: number }) => o.used === o.capacity)).toBe(true);
    // The waitlist place in Milano ended: the request now has a match elsewhere.
    expect(await matchAs(api, waiting, waitlisted.id)).toMatchObject({ state: 'WITHDRAWN', endReason: 'ALLOCATED_ELSEWHERE' });
    expect(await notificationKinds(api, roma)).toContain('MATCH_ALLOCATED');
    const [{ status }] = await db.query('SELECT status FROM help_request WHERE id = $1', [romaRequest]);
    expect(status).toBe('MATCHED');

    // Nothing left to give: a second commit changes nothing.
    const nested = await api.gqlAs(staff.accessToken, AllocationRunServedItemsDocument, { id: commit.id });
    const romaItem = nested.data?.allocationRun.items.items.find((i) => i.helpRequest.id === romaRequest);
    expect(romaItem).toMatchObject({ shop: { comune: { name: 'Roma' } }, offer: { id: nationalStore.id } });

    const again = await run('COMMIT');
    expect(again.statistics).toMatchObject({ requests: 2, served: 0 });
  });

  it('schedules a run for later and cancels it before it starts', async () => {
    const scheduled = await api.gqlAs(staff.accessToken, StartAllocationRunDocument, { input: { mode: 'COMMIT', runAt: daysFromNow(1) } });
    expect(scheduled.data?.startAllocationRun.status).toBe('SCHEDULED');
    const { id } = dataOf(scheduled).startAllocationRun;
    const cancelled = await api.gqlAs(staff.accessToken, CancelAllocationRunDocument, { id });
    expect(cancelled.data?.cancelAllocationRun).toEqual({ __typename: 'AllocationRun', status: 'CANCELLED' });
    const twice = await api.gqlAs(staff.accessToken, CancelAllocationRunDocument, { id });
    expect(twice.data?.cancelAllocationRun).toEqual({ __typename: 'InvalidAllocationRunStateError', code: 'NOT_CANCELLABLE', currentStatus: 'CANCELLED' });
  });

  it('refuses a run time in the past, and runs to anyone but ministry staff', async () => {
    const past = await api.gqlAs(staff.accessToken, StartAllocationRunDocument, { input: { mode: 'PREVIEW', runAt: daysFromNow(-1) } });
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.runAt' })] });
    // A mode outside the enum: GraphQL refuses the variable.
    const badMode = await api.gqlAs(staff.accessToken, StartAllocationRunDocument, invalidVariables({ input: { mode: 'SOMETIMES' } }));
    expect(badMode.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    for (const caller of [await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')]) {
      const { errors } = await api.gqlAs(caller.accessToken, StartAllocationRunDocument, { input: { mode: 'COMMIT' } });
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM allocation_run WHERE scheduled_for < now() - interval '1 hour'`);
    expect(n).toBe(0);
  });

  it('never gives a request again an offer it gave up or its provider declined, which stays listed apart until the shop asks for it again', async () => {
    const AGLIE = '001001';
    const local = await publishedOffer(api, provider, { capacity: 5, categories: ['DIGITAL_SKILLS'], coverage: { comuneCodes: [AGLIE] } });
    const regional = await publishedOffer(api, provider, { capacity: 5, categories: ['DIGITAL_SKILLS'], coverage: { regionCodes: ['01'] } });
    const [leaver, declined] = [await shopIn(api, AGLIE), await shopIn(api, AGLIE)];
    const [leaverRequest, declinedRequest] = [await askFor(api, leaver, 'DIGITAL_SKILLS'), await askFor(api, declined, 'DIGITAL_SKILLS')];
    const itemOf = (result: RunResult, requestId: string): RunResult['items']['items'][number] | undefined => result.items.items.find((item) => item.helpRequestId === requestId);
    /** The match an item of a run created: the test goes on from it. */
    const matchOf = (result: RunResult, requestId: string): string => {
      const matchId = itemOf(result, requestId)?.matchId;
      if (!matchId) throw new Error(`the run gave request ${requestId} no match: ${JSON.stringify(itemOf(result, requestId))}`);
      return matchId;
    };

    const first = await run('COMMIT');
    expect([itemOf(first, leaverRequest)?.offerId, itemOf(first, declinedRequest)?.offerId]).toEqual([local.id, local.id]);
    const gaveUp = await api.gqlAs(leaver.accessToken, WithdrawMatchDocument, { input: { id: matchOf(first, leaverRequest), reason: 'Abbiamo trovato un altro fornitore.' } });
    member(dataOf(gaveUp).withdrawMatch, 'Match');
    const refusal = await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: matchOf(first, declinedRequest), reason: 'Non serviamo questo tipo di attività.' } });
    member(dataOf(refusal).declineMatch, 'Match');

    const second = await run('COMMIT');
    expect([itemOf(second, leaverRequest)?.offerId, itemOf(second, declinedRequest)?.offerId]).toEqual([regional.id, regional.id]);

    // Given up again: the regional offer was the last one left, so the run leaves the request unserved.
    member(dataOf(await api.gqlAs(leaver.accessToken, WithdrawMatchDocument, { input: { id: matchOf(second, leaverRequest), reason: 'Preferiamo aspettare.' } })).withdrawMatch, 'Match');
    const third = await run('PREVIEW');
    expect(itemOf(third, leaverRequest)).toMatchObject({ offerId: null, unservedReason: 'ONLY_REFUSED' });

    const recommendations = await api.gqlAs(leaver.accessToken, OfferRecommendationsDocument, { id: leaverRequest });
    expect(recommendations.data?.offerRecommendations.eligible).toEqual([]);
    expect(recommendations.data?.offerRecommendations.refused.map((r) => [r.ranked.offer.id, r.endedAs]).sort()).toEqual(
      [[local.id, 'WITHDRAWN'], [regional.id, 'WITHDRAWN']].sort(),
    );

    const unasked = await api.gqlAs(leaver.accessToken, ApplyToOfferAgainDocument, { input: { helpRequestId: leaverRequest, offerId: local.id } });
    expect(unasked.data?.applyToOffer).toEqual({ __typename: 'PreviouslyRefusedError', endedAs: 'WITHDRAWN' });
    const asked = await api.gqlAs(leaver.accessToken, ApplyToOfferAgainDocument, {
      input: { helpRequestId: leaverRequest, offerId: local.id, askAgain: true },
    });
    expect(asked.data?.applyToOffer).toEqual({ __typename: 'Match', state: 'PENDING' });
  });
});
