import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AcceptMatchDocument,
  AnswerOutcomeSurveyDocument,
  type AnswerOutcomeSurveyInput,
  ApplyToOfferDocument,
  type ApplyToOfferInput,
  CancelHelpRequestDocument,
  DeclineMatchDocument,
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  UnreadNotificationCountDocument,
} from './gql/generated';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyResult, applyTo, askFor } from './testing/match-fixtures';
import { dataOf, invalidVariables, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';

describe('Match operations refuse bad input clearly and write nothing', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  /** Every row a shop's match activity can write. */
  const footprint = (shop: SignedIn & { shopId: string }): Promise<unknown[]> =>
    Promise.all([
      db.query('SELECT row_to_json(m) AS row FROM match m WHERE shop_id = $1 ORDER BY id', [shop.shopId]),
      db.query('SELECT row_to_json(t) AS row FROM match_transition t JOIN match m ON m.id = t.match_id WHERE m.shop_id = $1 ORDER BY t.id', [shop.shopId]),
      db.query('SELECT row_to_json(v) AS row FROM outcome_survey v JOIN match m ON m.id = v.match_id WHERE m.shop_id = $1', [shop.shopId]),
      db.query('SELECT row_to_json(r) AS row FROM help_request r WHERE shop_id = $1 ORDER BY id', [shop.shopId]),
      db.query('SELECT count(*)::int AS n FROM audit_event WHERE actor_user_id = $1', [shop.userId]),
    ]);

  it.each<[string, Partial<ApplyToOfferInput>, string]>([
    ['a malformed request id', { helpRequestId: 'richiesta-1' }, 'input.helpRequestId'],
    ['a malformed offer id', { offerId: '42' }, 'input.offerId'],
  ])('applyToOffer with %s: BAD_USER_INPUT naming the field, nothing written', async (_label, override, field) => {
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop);
    const before = await footprint(shop);
    const { errors } = await api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: offer.id, ...override } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code: 'isUuid' })] });
    expect(await footprint(shop)).toEqual(before);
  });

  it('applyToOffer with a non-boolean joinWaitlist: refused by GraphQL before the resolver, naming the field, nothing written', async () => {
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop);
    const before = await footprint(shop);
    const { errors } = await api.gqlAs(shop.accessToken, ApplyToOfferDocument, invalidVariables({ input: { helpRequestId: requestId, offerId: offer.id, joinWaitlist: 'forse' } }));
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.joinWaitlist', code: 'isBoolean' })] });
    expect(await footprint(shop)).toEqual(before);
  });

  it('answers an unknown offer with NOT_FOUND, a cancelled request with REQUEST_NOT_OPEN, and an unfit offer with every failed rule', async () => {
    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop);
    const before = await footprint(shop);
    const unknown = await api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: randomUUID() } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND', field: 'input.offerId' });
    expect(await footprint(shop)).toEqual(before);

    const unfit = await publishedOffer(api, provider, { categories: ['WEBSITE'], coverage: { comuneCodes: ['058091'] } });
    const refused = await applyResult(api, shop, requestId, unfit.id);
    expect(refused).toMatchObject({ __typename: 'NotEligibleError', code: 'NOT_ELIGIBLE', field: 'input.offerId' });
    expect(member(refused, 'NotEligibleError').reasons.map((r) => r.code)).toEqual(['CATEGORY', 'OUTSIDE_COVERAGE']);
    expect(await footprint(shop)).toEqual(before);

    member(dataOf(await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id: requestId })).cancelHelpRequest, 'HelpRequest');
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const closed = await applyResult(api, shop, requestId, offer.id);
    expect(closed).toMatchObject({ __typename: 'InvalidMatchTransitionError', code: 'REQUEST_NOT_OPEN', currentState: 'CANCELLED' });
  });

  it('refuses a decline without a reason or with a web address, and an inconsistent survey, naming the field', async () => {
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);
    const before = await footprint(shop);

    const noReason = await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: match.id, reason: '  ' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason', code: 'minLength' })] });
    // The shop reads the reason in the platform's e-mail: no link to a page of the provider's choosing.
    const phishing = await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: match.id, reason: 'Per il rimborso accedi a vicini-rimborsi.it/login con SPID' } });
    expect(phishing.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.reason', code: 'webAddress', messageIt: expect.stringContaining('input.reason non può contenere indirizzi web') })],
    });
    const inconsistent: [Omit<AnswerOutcomeSurveyInput, 'matchId'>, string, string][] = [
      [{ gotOnlineOrders: false, approximateOrders: 5 }, 'input.approximateOrders', 'zeroWithoutOrders'],
      [{ gotOnlineOrders: true, approximateOrders: 0 }, 'input.approximateOrders', 'someWithOrders'],
      [{ gotOnlineOrders: true, approximateOrders: -3 }, 'input.approximateOrders', 'min'],
    ];
    for (const [input, field, code] of inconsistent) {
      const { errors } = await api.gqlAs(shop.accessToken, AnswerOutcomeSurveyDocument, { input: { matchId: match.id, ...input } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
    }
    // A checkpoint outside the enum: GraphQL refuses the variable before the resolver runs.
    const unknownCheckpoint = await api.gqlAs(
      shop.accessToken,
      AnswerOutcomeSurveyDocument,
      invalidVariables({ input: { matchId: match.id, gotOnlineOrders: true, approximateOrders: 5, checkpoint: 'DAY_7' } }),
    );
    expect(unknownCheckpoint.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.checkpoint', code: 'isEnum' })] });
    expect(await footprint(shop)).toEqual(before);
  });

  it('counts unread notifications and marks them read, only the caller’s', async () => {
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);
    member(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: match.id })).acceptMatch, 'Match');
    const unread = async (): Promise<number> => dataOf(await api.gqlAs(shop.accessToken, UnreadNotificationCountDocument)).unreadNotificationCount;
    expect(await unread()).toBe(1);
    const list = await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 10 });
    const [note] = dataOf(list).myNotifications.items;
    expect(note).toMatchObject({ kind: 'MATCH_ACCEPTED', readAt: null, messageIt: expect.stringContaining('ha accettato la tua richiesta') });

    const other = await api.gqlAs(provider.accessToken, MarkNotificationsReadDocument, { input: { ids: [note.id] } });
    expect(other.data?.markNotificationsRead).toBe(0);
    const mine = await api.gqlAs(shop.accessToken, MarkNotificationsReadDocument, { input: { ids: [note.id] } });
    expect(mine.data?.markNotificationsRead).toBe(1);
    expect(await unread()).toBe(0);
    const bad = await api.gqlAs(shop.accessToken, MarkNotificationsReadDocument, { input: { ids: ['x'] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ids' })] });
  });
});
