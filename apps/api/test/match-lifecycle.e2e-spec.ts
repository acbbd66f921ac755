import { JOB, JobQueue, RequestContext } from '@vec/core';
import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import {
  AcceptMatchDocument,
  AnswerOutcomeSurveyDocument,
  CancelHelpRequestDocument,
  CompleteMatchDocument,
  ConfirmMatchActiveDocument,
  DeclineMatchDocument,
  MatchReasonInWordsDocument,
  MatchSurveysDueDocument,
  PendingApplicationsDocument,
} from './gql/generated';
import { applyTo, askFor, eventually, matchAs, notificationKinds } from './testing/match-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

/** Torino: every test's shops and offers are there, each test with offers of its own. */
const TORINO = '001272';

describe('The match lifecycle over GraphQL, with the worker', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;

  beforeAll(async () => {
    // A database of its own: its jobs (expiry, promotion) are this app's worker's only, not taken by another suite's app that is closing.
    api = await startTestApp({ worker: true, ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  it('walks apply → accept → active → complete → survey, each step recorded and told to the other side', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const waiting = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop);

    const pending = await applyTo(api, shop, requestId, offer.id);
    expect(pending).toMatchObject({ __typename: 'Match', state: 'PENDING', origin: 'APPLICATION', coverageLevel: 'COMUNE', waitlistPosition: null });
    expect(new Date(pending.respondBy ?? 0).getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);
    const queued = await applyTo(api, waiting, await askFor(api, waiting), offer.id);
    expect(queued).toMatchObject({ state: 'WAITLISTED', waitlistPosition: 1 });
    expect(await notificationKinds(api, provider)).toEqual(expect.arrayContaining(['MATCH_APPLIED', 'MATCH_WAITLISTED']));

    expect(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: pending.id })).acceptMatch).toMatchObject({ state: 'ACCEPTED' });
    expect(await notificationKinds(api, shop)).toContain('MATCH_ACCEPTED');
    const active = member(dataOf(await api.gqlAs(shop.accessToken, ConfirmMatchActiveDocument, { id: pending.id })).confirmMatchActive, 'Match');
    expect(active.state).toBe('ACTIVE');
    expect(new Date(active.freeUntil ?? 0).getTime() - Date.now()).toBeGreaterThan(5.9 * 30 * 86_400_000);

    const survey = (gotOnlineOrders: boolean, approximateOrders: number) =>
      api.gqlAs(shop.accessToken, AnswerOutcomeSurveyDocument, { input: { matchId: pending.id, gotOnlineOrders, approximateOrders } });
    const early = dataOf(await survey(true, 12)).answerOutcomeSurvey;
    expect(early).toMatchObject({ __typename: 'SurveyNotDueError', code: 'NOT_COMPLETED' });

    expect(dataOf(await api.gqlAs(shop.accessToken, CompleteMatchDocument, { id: pending.id })).completeMatch).toMatchObject({ state: 'COMPLETED' });
    const due = dataOf(await api.gqlAs(shop.accessToken, MatchSurveysDueDocument, { id: pending.id })).match;
    expect(due).toEqual({ surveysDue: ['COMPLETION'], offer: { usage: { pending: 0, accepted: 0, active: 0, completed: 1, waitlisted: 1 } }, shop: { comune: { name: 'Torino' } } });
    const answered = dataOf(await survey(true, 12)).answerOutcomeSurvey;
    expect(answered).toEqual({ __typename: 'OutcomeSurvey', checkpoint: 'COMPLETION', gotOnlineOrders: true, approximateOrders: 12 });
    const again = dataOf(await survey(false, 0)).answerOutcomeSurvey;
    expect(again).toMatchObject({ __typename: 'SurveyNotDueError', code: 'ALREADY_ANSWERED' });

    const history = await matchAs(api, staff, pending.id);
    expect(history.transitions).toEqual([
      { fromState: null, toState: 'PENDING', actorRole: 'SHOP', reason: null },
      { fromState: 'PENDING', toState: 'ACCEPTED', actorRole: 'PROVIDER', reason: null },
      { fromState: 'ACCEPTED', toState: 'ACTIVE', actorRole: 'SHOP', reason: null },
      { fromState: 'ACTIVE', toState: 'COMPLETED', actorRole: 'SHOP', reason: null },
    ]);
    const [request] = await db.query('SELECT status FROM help_request WHERE id = $1', [requestId]);
    expect(request.status).toBe('FULFILLED');
    // A completed match keeps its place: capacity counts the shops served.
    const [{ used }] = await db.query('SELECT used FROM offer WHERE id = $1', [offer.id]);
    expect(used).toBe(1);
    expect((await matchAs(api, waiting, queued.id)).state).toBe('WAITLISTED');
    const audit = await db.query(`SELECT action FROM audit_event WHERE entity_type = 'match' AND entity_id = $1 ORDER BY id`, [pending.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['match.applied', 'match.accepted', 'match.active', 'match.completed', 'outcome_survey.answered']);
  });

  it('lists the places waiting for the provider’s answer by their deadline, the one due first at the top', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 5, coverage: { comuneCodes: [TORINO] } });
    const shops = await Promise.all([1, 2, 3].map(() => shopIn(api, TORINO)));
    const matches: { id: string }[] = [];
    for (const shop of shops) matches.push(await applyTo(api, shop, await askFor(api, shop), offer.id));
    // Deadlines in another order than the applications (a promotion from the waitlist, a hold moved): the second is due first, the newest last.
    const due = async (index: number, days: number): Promise<unknown> => db.query(`UPDATE match SET respond_by = now() + make_interval(days => $2::int) WHERE id = $1`, [matches[index].id, days]);
    await due(1, 1);
    await due(0, 2);
    await due(2, 4);
    const listed = dataOf(await api.gqlAs(provider.accessToken, PendingApplicationsDocument, { offerId: offer.id })).myMatches.items;
    expect(listed.map((match) => match.id)).toEqual([matches[1].id, matches[0].id, matches[2].id]);
  });

  it('promotes the first of the waitlist, oldest request first, when the provider declines', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const [holder, older, newer] = [await shopIn(api, TORINO), await shopIn(api, TORINO), await shopIn(api, TORINO)];
    const holderRequest = await askFor(api, holder);
    const olderRequest = await askFor(api, older);
    const newerRequest = await askFor(api, newer);
    const held = await applyTo(api, holder, holderRequest, offer.id);
    // The newer request joins the waitlist first, yet the older one is ahead of it.
    const second = await applyTo(api, newer, newerRequest, offer.id);
    const first = await applyTo(api, older, olderRequest, offer.id);
    expect([first.waitlistPosition, (await matchAs(api, newer, second.id)).waitlistPosition]).toEqual([1, 2]);

    const declined = dataOf(await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: held.id, reason: 'Servizio non disponibile per il vostro settore' } })).declineMatch;
    expect(declined).toMatchObject({ state: 'DECLINED', endReason: 'Servizio non disponibile per il vostro settore' });
    const [request] = await db.query('SELECT status FROM help_request WHERE id = $1', [holderRequest]);
    expect(request.status).toBe('OPEN');

    const promoted = await eventually(() => matchAs(api, older, first.id), (m) => m.state === 'PENDING');
    expect(promoted.transitions.at(-1)).toEqual({ fromState: 'WAITLISTED', toState: 'PENDING', actorRole: null, reason: null });
    expect((await matchAs(api, newer, second.id)).waitlistPosition).toBe(1);
    expect(await notificationKinds(api, older)).toContain('MATCH_PROMOTED');
    expect(await notificationKinds(api, holder)).toContain('MATCH_DECLINED');
    // The provider's answer is due from now: it is e-mailed as for an application, once, with the link to it.
    const applied = await eventually(
      () => db.query(`SELECT text FROM mail_message WHERE kind = 'MATCH_APPLIED' AND recipient = $1 AND idempotency_key LIKE $2`, [provider.email, `match:${first.id}:%`]),
      (rows: { text: string }[]) => rows.length > 0,
    );
    expect(applied).toHaveLength(1);
    expect(applied[0].text).toContain(`/organizzazione/candidature/${first.id}`);
  });

  it('lets the provider give back a place it accepted that the shop never started, with its reason: the shop is told, and the waitlist moves', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const [holder, waiting] = [await shopIn(api, TORINO), await shopIn(api, TORINO)];
    const holderRequest = await askFor(api, holder);
    const held = await applyTo(api, holder, holderRequest, offer.id);
    const queued = await applyTo(api, waiting, await askFor(api, waiting), offer.id);
    member(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: held.id })).acceptMatch, 'Match');

    const declined = dataOf(await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: held.id, reason: 'Il nostro tecnico per la zona non è più disponibile' } })).declineMatch;
    expect(declined).toMatchObject({ state: 'DECLINED', endReason: 'Il nostro tecnico per la zona non è più disponibile' });
    expect((await matchAs(api, holder, held.id)).transitions.at(-1)).toMatchObject({ fromState: 'ACCEPTED', toState: 'DECLINED', actorRole: 'PROVIDER' });
    expect((await db.query('SELECT status FROM help_request WHERE id = $1', [holderRequest]))[0].status).toBe('OPEN');
    await eventually(() => matchAs(api, waiting, queued.id), (m) => m.state === 'PENDING');
    const mail = await eventually(
      () => db.query(`SELECT subject, text FROM mail_message WHERE kind = 'MATCH_DECLINED' AND idempotency_key LIKE $1`, [`match:${held.id}:%`]),
      (rows: { subject: string; text: string }[]) => rows.length > 0,
    );
    expect(mail[0].text).toContain('Il nostro tecnico per la zona non è più disponibile');
    // Told as what it is: a place given back after accepting, not a refusal of the application.
    expect(mail[0].subject).toContain('ha rinunciato al posto della tua richiesta');
    expect(mail[0].text).toContain('aveva accettato la tua richiesta');
    // A service the shop started is no longer the provider's to decline: it completes it.
    const [other, otherShop] = [await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } }), await shopIn(api, TORINO)];
    const running = await applyTo(api, otherShop, await askFor(api, otherShop), other.id);
    member(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: running.id })).acceptMatch, 'Match');
    member(dataOf(await api.gqlAs(otherShop.accessToken, ConfirmMatchActiveDocument, { id: running.id })).confirmMatchActive, 'Match');
    expect(dataOf(await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: running.id, reason: 'Troppo tardi' } })).declineMatch).toMatchObject({
      __typename: 'InvalidMatchTransitionError',
      currentState: 'ACTIVE',
    });
  });

  it('expires a hold the provider did not answer in time and gives the place to the waitlist', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const [late, next] = [await shopIn(api, TORINO), await shopIn(api, TORINO)];
    const held = await applyTo(api, late, await askFor(api, late), offer.id);
    const queued = await applyTo(api, next, await askFor(api, next), offer.id);
    // Time passes: the answer deadline is now behind us.
    await db.query(`UPDATE match SET respond_by = now() - interval '1 minute' WHERE id = $1`, [held.id]);

    await api.app.get(JobQueue).send(RequestContext.system(), JOB.EXPIRE_HOLDS, {});

    const expired = await eventually(() => matchAs(api, late, held.id), (m) => m.state === 'EXPIRED');
    expect(expired).toMatchObject({ endReason: 'NO_ANSWER' });
    await eventually(() => matchAs(api, next, queued.id), (m) => m.state === 'PENDING');
    const accept = dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: held.id })).acceptMatch;
    expect(accept).toMatchObject({ __typename: 'InvalidMatchTransitionError', code: 'INVALID_TRANSITION', currentState: 'EXPIRED' });
    expect(await notificationKinds(api, late)).toContain('MATCH_EXPIRED');
  });

  it('withdraws the match with the request when the shop cancels it, and frees the place', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop);
    const held = await applyTo(api, shop, requestId, offer.id);
    const cancel = dataOf(await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id: requestId })).cancelHelpRequest;
    expect(cancel).toMatchObject({ __typename: 'HelpRequest', status: 'CANCELLED' });
    expect(await matchAs(api, shop, held.id)).toMatchObject({ state: 'WITHDRAWN', endReason: 'REQUEST_CANCELLED' });
    // The platform's code comes in words too, for the match and for its last step.
    const words = dataOf(await api.gqlAs(shop.accessToken, MatchReasonInWordsDocument, { id: held.id })).match;
    expect(words.endReasonTextIt).toBe('la richiesta è stata annullata');
    expect(words.transitions.at(-1)).toEqual({ reasonText: 'the request was cancelled', reasonTextIt: 'la richiesta è stata annullata' });
    const [{ used }] = await db.query('SELECT used FROM offer WHERE id = $1', [offer.id]);
    expect(used).toBe(0);
  });

  it('refuses steps out of order, by the wrong side, or on matches of others', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 3, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const held = await applyTo(api, shop, await askFor(api, shop), offer.id);
    const stranger = await approvedProvider(api, staff);

    const outOfOrder = dataOf(await api.gqlAs(shop.accessToken, ConfirmMatchActiveDocument, { id: held.id })).confirmMatchActive;
    expect(outOfOrder).toMatchObject({ __typename: 'InvalidMatchTransitionError', code: 'INVALID_TRANSITION', currentState: 'PENDING' });
    const wrongRole = await api.gqlAs(shop.accessToken, AcceptMatchDocument, { id: held.id });
    expect(wrongRole.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const notTheirs = await api.gqlAs(stranger.accessToken, AcceptMatchDocument, { id: held.id });
    expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'MATCH_NOT_FOUND' });
    expect((await matchAs(api, shop, held.id)).state).toBe('PENDING');
  });
});
