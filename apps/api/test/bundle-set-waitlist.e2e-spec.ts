import { JOB, JobQueue, RequestContext } from '@vec/core';
import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { applyTo, askFor, eventually, matchAs, notificationKinds } from './testing/match-fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import {
  AcceptMatchDocument,
  ApplyToOfferSetDocument,
  BundleRecommendationsDocument,
  CloseOfferDocument,
  CreateHelpRequestBundleDocument,
  DeclineMatchDocument,
  WithdrawMatchDocument,
  WithdrawMatchSetDocument,
} from './gql/generated';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const AOSTA = '007003';
const CATEGORIES = ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY'] as const;

describe('A set waits, is promoted and is withdrawn as one (with the worker)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    // A database of its own: its jobs (expiry, promotion) are this app's worker's only, not taken by another suite's app that is closing.
    api = await startTestApp({ worker: true, ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  interface Market {
    providers: ProviderAccount[];
    offers: { id: string }[];
  }

  /** A store and a payment offer with room, and a delivery offer with `deliveryPlaces` places. */
  async function market(deliveryPlaces: number, others = 10): Promise<Market> {
    const coverage = { comuneCodes: [AOSTA] };
    const providers = [await approvedProvider(api, staff), await approvedProvider(api, staff), await approvedProvider(api, staff)];
    const offers = [
      await publishedOffer(api, providers[0], { categories: ['ONLINE_STORE'], coverage, capacity: others }),
      await publishedOffer(api, providers[1], { categories: ['DIGITAL_PAYMENTS'], coverage, capacity: others }),
      await publishedOffer(api, providers[2], { categories: ['HOME_DELIVERY'], coverage, capacity: deliveryPlaces }),
    ];
    return { providers, offers };
  }

  async function bundleFor(shop: SignedIn): Promise<{ id: string; requestIds: string[] }> {
    const bundle = member(dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: [...CATEGORIES] } })).createHelpRequestBundle, 'HelpRequestBundle');
    return { id: bundle.id, requestIds: bundle.requests.map((r) => r.id) };
  }

  async function applySet(shop: SignedIn, on: Market, joinWaitlist: boolean, existing?: { id: string; requestIds: string[] }) {
    const bundle = existing ?? (await bundleFor(shop));
    const parts = bundle.requestIds.map((helpRequestId, p) => ({ helpRequestId, offerId: on.offers[p].id }));
    const answer = dataOf(await api.gqlAs(shop.accessToken, ApplyToOfferSetDocument, { input: { bundleId: bundle.id, parts, joinWaitlist } })).applyToOfferSet;
    return { bundle, answer };
  }

  const usedOf = async (on: Market): Promise<number[]> => {
    const rows: { id: string; used: number }[] = await db.query(`SELECT id, used FROM offer WHERE id = ANY($1)`, [on.offers.map((o) => o.id)]);
    return on.offers.map((offer) => rows.find((row) => row.id === offer.id)?.used ?? -1);
  };
  /** The states of the set's parts, in the bundle's order of categories. */
  const statesOf = async (setId: string): Promise<string[]> => {
    const rows: { category: string; state: string }[] = await db.query(`SELECT category, state FROM match WHERE set_id = $1`, [setId]);
    return CATEGORIES.map((category) => rows.find((row) => row.category === category)?.state ?? 'none');
  };

  it('waits as a whole when one part is full, holding no place, and is promoted in one step when that part frees', async () => {
    const on = await market(1);
    const holder = await shopIn(api, AOSTA);
    const held = await applyTo(api, holder, await askFor(api, holder, 'HOME_DELIVERY'), on.offers[2].id);
    expect(held.state).toBe('PENDING');

    const shop = await shopIn(api, AOSTA);
    const refused = await applySet(shop, on, false);
    expect(refused.answer).toMatchObject({ __typename: 'SetPartUnavailableError', code: 'SET_PART_FULL', field: 'input.parts.2.offerId' });

    const { answer } = await applySet(shop, on, true, refused.bundle);
    const set = member(answer, 'MatchSet');
    expect(set.waitlisted).toBe(true);
    expect(set.matches.map((m) => [m.state, m.setId])).toEqual([
      ['WAITLISTED', set.setId],
      ['WAITLISTED', set.setId],
      ['WAITLISTED', set.setId],
    ]);
    // No part holds a place while the set waits: the store and payment offers are untouched.
    expect(await usedOf(on)).toEqual([0, 0, 1]);

    // The delivery place frees: the whole set takes its places at once.
    dataOf(await api.gqlAs(holder.accessToken, WithdrawMatchDocument, { input: { id: held.id } }));
    await eventually(() => statesOf(set.setId), (states) => states.every((state) => state === 'PENDING'));
    expect(await usedOf(on)).toEqual([1, 1, 1]);
    const promoted = await matchAs(api, shop, set.matches[0].id);
    expect(promoted.transitions.at(-1)).toEqual({ fromState: 'WAITLISTED', toState: 'PENDING', actorRole: null, reason: null });
    expect((await notificationKinds(api, shop)).filter((kind) => kind === 'MATCH_PROMOTED')).toHaveLength(3);
    // Told as the set it waited for, not as a place that freed in each offer (two of them had room all along).
    const subjects: { subject: string }[] = await db.query(`SELECT subject FROM mail_message WHERE kind = 'MATCH_PROMOTED' AND recipient = $1`, [shop.email]);
    expect(subjects.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Il tuo insieme di servizi ha i suoi posti: /), expect.anything(), expect.anything()]);
    expect(subjects.every((mail) => mail.subject.startsWith('Il tuo insieme di servizi ha i suoi posti'))).toBe(true);
  });

  it('keeps waiting while another part has no place, and does not hold up a single entry behind it', async () => {
    const on = await market(1, 1);
    // The payment offer's only place is taken: the set waits for payment and delivery.
    const payer = await shopIn(api, AOSTA);
    const payment = await applyTo(api, payer, await askFor(api, payer, 'DIGITAL_PAYMENTS'), on.offers[1].id);
    const holder = await shopIn(api, AOSTA);
    const held = await applyTo(api, holder, await askFor(api, holder, 'HOME_DELIVERY'), on.offers[2].id);
    const shop = await shopIn(api, AOSTA);
    const set = member((await applySet(shop, on, true)).answer, 'MatchSet');
    const behind = await shopIn(api, AOSTA);
    const single = await applyTo(api, behind, await askFor(api, behind, 'HOME_DELIVERY'), on.offers[2].id);
    expect(single.state).toBe('WAITLISTED');

    // Delivery frees, payment does not: the set cannot be completed, so the place goes to the next in line.
    dataOf(await api.gqlAs(holder.accessToken, WithdrawMatchDocument, { input: { id: held.id } }));
    await eventually(() => matchAs(api, behind, single.id), (m) => m.state === 'PENDING');
    expect(await statesOf(set.setId)).toEqual(['WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    expect(await usedOf(on)).toEqual([0, 1, 1]);
    expect(payment.state).toBe('PENDING');
  });

  it('stops waiting as a whole when the shop gives up one waiting part', async () => {
    const on = await market(1);
    const holder = await shopIn(api, AOSTA);
    await applyTo(api, holder, await askFor(api, holder, 'HOME_DELIVERY'), on.offers[2].id);
    const shop = await shopIn(api, AOSTA);
    const set = member((await applySet(shop, on, true)).answer, 'MatchSet');

    const one = dataOf(await api.gqlAs(shop.accessToken, WithdrawMatchDocument, { input: { id: set.matches[0].id } })).withdrawMatch;
    expect(one).toMatchObject({ state: 'WITHDRAWN' });
    expect(await statesOf(set.setId)).toEqual(['WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN']);
    const others: { end_reason: string }[] = await db.query(`SELECT end_reason FROM match WHERE set_id = $1 AND id <> $2`, [set.setId, set.matches[0].id]);
    expect(others).toEqual([{ end_reason: 'SET_PART_ENDED' }, { end_reason: 'SET_PART_ENDED' }]);
    // The requests are open again, for another set or single offers.
    const statuses = await db.query(`SELECT DISTINCT status FROM help_request WHERE id IN (SELECT help_request_id FROM match WHERE set_id = $1)`, [set.setId]);
    expect(statuses).toEqual([{ status: 'OPEN' }]);
  });

  it('ends the whole wait when one part\'s offer closes', async () => {
    const on = await market(1);
    const holder = await shopIn(api, AOSTA);
    await applyTo(api, holder, await askFor(api, holder, 'HOME_DELIVERY'), on.offers[2].id);
    const shop = await shopIn(api, AOSTA);
    const set = member((await applySet(shop, on, true)).answer, 'MatchSet');

    expect(dataOf(await api.gqlAs(on.providers[0].accessToken, CloseOfferDocument, { id: on.offers[0].id })).closeOffer).toMatchObject({ status: 'CLOSED' });
    await api.app.get(JobQueue).send(RequestContext.system(), JOB.EXPIRE_HOLDS, {});
    await eventually(() => statesOf(set.setId), (states) => states.every((state) => state === 'EXPIRED'));
    const reasons: { category: string; end_reason: string }[] = await db.query(`SELECT category, end_reason FROM match WHERE set_id = $1 ORDER BY end_reason`, [set.setId]);
    expect(reasons).toEqual([
      { category: 'ONLINE_STORE', end_reason: 'OFFER_ENDED' },
      { category: expect.any(String), end_reason: 'SET_PART_ENDED' },
      { category: expect.any(String), end_reason: 'SET_PART_ENDED' },
    ]);
  });

  it('withdraws a held set in one step, giving each place to the waitlist; a second withdrawal finds nothing open', async () => {
    const on = await market(1);
    const shop = await shopIn(api, AOSTA);
    const set = member((await applySet(shop, on, false)).answer, 'MatchSet');
    expect(set.waitlisted).toBe(false);
    const next = await shopIn(api, AOSTA);
    const queued = await applyTo(api, next, await askFor(api, next, 'HOME_DELIVERY'), on.offers[2].id);
    expect(queued.state).toBe('WAITLISTED');

    const stranger = await shopIn(api, AOSTA);
    const { errors } = await api.gqlAs(stranger.accessToken, WithdrawMatchSetDocument, { input: { setId: set.setId } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SET_NOT_FOUND', field: 'input.setId' });
    expect(await statesOf(set.setId)).toEqual(['PENDING', 'PENDING', 'PENDING']);

    const withdrawn = member(dataOf(await api.gqlAs(shop.accessToken, WithdrawMatchSetDocument, { input: { setId: set.setId, reason: 'Abbiamo scelto un altro fornitore' } })).withdrawMatchSet, 'MatchSet');
    expect(withdrawn.matches.map((m) => [m.state, m.endReason])).toEqual([
      ['WITHDRAWN', 'Abbiamo scelto un altro fornitore'],
      ['WITHDRAWN', 'Abbiamo scelto un altro fornitore'],
      ['WITHDRAWN', 'Abbiamo scelto un altro fornitore'],
    ]);
    await eventually(() => matchAs(api, next, queued.id), (m) => m.state === 'PENDING');
    expect(await usedOf(on)).toEqual([0, 0, 1]);

    const again = dataOf(await api.gqlAs(shop.accessToken, WithdrawMatchSetDocument, { input: { setId: set.setId } })).withdrawMatchSet;
    expect(again).toMatchObject({ __typename: 'SetNotOpenError', code: 'SET_NOT_OPEN', field: 'input.setId' });
  });

  it('lets a provider decline one part: the other parts go on, and the declined service is open for another offer', async () => {
    const on = await market(5);
    const alternative = await publishedOffer(api, await approvedProvider(api, staff), { categories: ['HOME_DELIVERY'], coverage: { comuneCodes: [AOSTA] }, capacity: 5 });
    const shop = await shopIn(api, AOSTA);
    const { bundle, answer } = await applySet(shop, on, false);
    const set = member(answer, 'MatchSet');
    const [store, payment, delivery] = set.matches;

    expect(dataOf(await api.gqlAs(on.providers[0].accessToken, AcceptMatchDocument, { id: store.id })).acceptMatch).toMatchObject({ state: 'ACCEPTED' });
    const declined = dataOf(await api.gqlAs(on.providers[2].accessToken, DeclineMatchDocument, { input: { id: delivery.id, reason: 'Non consegniamo in centro storico' } })).declineMatch;
    expect(declined).toMatchObject({ state: 'DECLINED' });

    expect(await statesOf(set.setId)).toEqual(['ACCEPTED', 'PENDING', 'DECLINED']);
    expect((await matchAs(api, shop, payment.id)).state).toBe('PENDING');
    expect(await usedOf(on)).toEqual([1, 1, 0]);
    // The bundle's recommendations now look for the one service left.
    const recommendations = dataOf(await api.gqlAs(shop.accessToken, BundleRecommendationsDocument, { bundleId: bundle.id })).bundleRecommendations;
    const declinedRequest = bundle.requestIds[2];
    expect(recommendations.openRequestIds).toEqual([declinedRequest]);
    // Not the offer that declined it: another delivery offer covering the shop.
    const proposed = recommendations.sets.flatMap((offerSet) => offerSet.parts.map((part) => [part.helpRequestId, part.category, part.offer.id]));
    expect(proposed).toContainEqual([declinedRequest, 'HOME_DELIVERY', alternative.id]);
    expect(proposed.filter(([requestId, category, offerId]) => requestId !== declinedRequest || category !== 'HOME_DELIVERY' || offerId === on.offers[2].id)).toEqual([]);
    expect(await notificationKinds(api, shop)).toContain('MATCH_DECLINED');
  });
});
