import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AcceptMatchDocument,
  AnswerOutcomeSurveyDocument,
  ApplyToOfferDocument,
  AccountsDocument,
  AuditEventsDocument,
  SetAccountStatusDocument,
  CancelHelpRequestDocument,
  CloseOfferDocument,
  CompleteMatchDocument,
  ConfirmMatchActiveDocument,
  CreateHelpRequestDocument,
  DecideFacilitatorDocument,
  GrantDelegationDocument,
  RegisterFacilitatorDocument,
  DeclineMatchDocument,
  HelpRequestByIdDocument,
  HelpRequestsDocument,
  MatchByIdDocument,
  MatchesDocument,
  MatchWithRelationsDocument,
  MyHelpRequestsDocument,
  MyMatchesDocument,
  MyNotificationsDocument,
  MyOffersDocument,
  MyShopDocument,
  OfferByIdDocument,
  OfferEligibilityDocument,
  OfferPublicProviderDocument,
  OfferRecommendationsDocument,
  OffersDocument,
  PauseOfferDocument,
  ProviderByIdDocument,
  ProvidersDocument,
  PublishOfferDocument,
  ResumeOfferDocument,
  ShopByIdDocument,
  ShopsDocument,
  StartAllocationRunDocument,
  SuspendOfferDocument,
  UpdateHelpRequestDocument,
  UpdateOfferDocument,
  UpdateProviderDocument,
  UpdateShopDocument,
  VerifyFacilitatorDocument,
  VerifyProviderDocument,
  WithdrawMatchDocument,
} from './gql/generated';
import { aFacilitatorInput, SignedIn, signUp, staffUser } from './testing/fixtures';
import { approvedProvider, createOffer, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { dataOf, type GraphQLResponse, member, startTestApp, TestApp } from './testing/test-app';

/**
 * Every role tries every operation on objects that belong to someone else, through queries,
 * mutations and nested fields. The matrix passes when each attempt is refused with its one code
 * and the database is byte-for-byte the same afterwards. The code follows one convention: an
 * operation the caller's role may never use is FORBIDDEN; an object of someone else's, through an
 * operation the role may use, does not exist for the caller: NOT_FOUND.
 */
describe('IDOR matrix: nobody reaches another tenant’s objects', () => {
  let api: TestApp;
  let db: DataSource;
  let victimShop: SignedIn & { shopId: string };
  let victimProvider: ProviderAccount;
  let attackerShop: SignedIn & { shopId: string };
  let attackerProvider: ProviderAccount;
  /** An approved facilitator acting for the attacker shop only, under its delegation. */
  let attackerFacilitator: SignedIn & { facilitatorId: string };
  let ministry: SignedIn;
  let requestId: string;
  let draftOfferId: string;
  let liveOfferId: string;
  let matchId: string;
  let matchRequestId: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    ministry = await staffUser(api);
    victimShop = await shopIn(api, '001272');
    attackerShop = await shopIn(api, '001272');
    victimProvider = await approvedProvider(api, ministry);
    attackerProvider = await approvedProvider(api, ministry);
    const created = await api.gqlAs(victimShop.accessToken, CreateHelpRequestDocument, {
      input: { category: 'HOME_DELIVERY', description: 'Consegne a domicilio nel quartiere, tre giorni a settimana.' },
    });
    requestId = member(dataOf(created).createHelpRequest, 'HelpRequest').id;
    draftOfferId = (await createOffer(api, victimProvider)).id;
    liveOfferId = (await publishedOffer(api, victimProvider)).id;
    matchRequestId = await askFor(api, victimShop, 'ONLINE_STORE');
    matchId = (await applyTo(api, victimShop, matchRequestId, liveOfferId)).id;
    const facilitatorOwner = await signUp(api, 'FACILITATOR');
    const registered = dataOf(await api.gqlAs(facilitatorOwner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput() })).registerFacilitator;
    attackerFacilitator = { ...facilitatorOwner, facilitatorId: member(registered, 'Facilitator').id };
    await api.gqlAs(ministry.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: attackerFacilitator.facilitatorId, decision: 'APPROVED' } });
    member(dataOf(await api.gqlAs(attackerShop.accessToken, GrantDelegationDocument, { input: { facilitatorId: attackerFacilitator.facilitatorId } })).grantDelegation, 'Delegation');
  });
  afterAll(() => api.close());

  /** A fingerprint of every row that belongs to the victims. */
  async function victimState(): Promise<string> {
    const rows = await Promise.all([
      db.query('SELECT * FROM shop WHERE id = $1', [victimShop.shopId]),
      db.query('SELECT * FROM help_request WHERE id = $1', [requestId]),
      db.query('SELECT * FROM provider WHERE id = $1', [victimProvider.providerId]),
      db.query('SELECT * FROM offer WHERE id = ANY($1) ORDER BY id', [[draftOfferId, liveOfferId]]),
      db.query('SELECT * FROM offer_coverage WHERE offer_id = ANY($1) ORDER BY id', [[draftOfferId, liveOfferId]]),
      db.query('SELECT * FROM match WHERE offer_id = ANY($1) ORDER BY id', [[draftOfferId, liveOfferId]]),
      db.query('SELECT * FROM match_transition WHERE match_id = $1 ORDER BY id', [matchId]),
      db.query('SELECT * FROM outcome_survey WHERE match_id = $1', [matchId]),
      db.query('SELECT * FROM notification WHERE user_id = ANY($1) ORDER BY id', [[victimShop.userId, victimProvider.userId]]),
      db.query('SELECT * FROM help_request WHERE id = $1', [matchRequestId]),
      db.query('SELECT id, role, disabled_at FROM user_account WHERE id = ANY($1) ORDER BY id', [[victimShop.userId, victimProvider.userId]]),
      db.query('SELECT id, revoked_at FROM refresh_token WHERE user_id = ANY($1) ORDER BY id', [[victimShop.userId, victimProvider.userId]]),
    ]);
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }

  type Who = 'attackerShop' | 'attackerProvider' | 'attackerFacilitator' | 'ministry';
  const token = (who: Who): string => ({ attackerShop, attackerProvider, attackerFacilitator, ministry })[who].accessToken;

  /** The facilitator's request naming a shop to act for: the victim (no delegation) or the shop that delegated it. */
  const actingFor =
    (shop: () => string) =>
    <R, V>(t: string, document: TypedDocumentNode<R, V>, variables: V): Promise<GraphQLResponse<R>> =>
      api.gqlHttp(document, variables, { authorization: `Bearer ${t}`, 'x-on-behalf-of-shop': shop() }).then((response) => response.body);
  const forVictim = actingFor(() => victimShop.shopId);
  const forOwnShop = actingFor(() => attackerShop.shopId);

  /** Who tries, what, how (with the caller's token; the ids are read when the row runs), and the one code it is refused with. */
  type Attempt = [who: Who, label: string, send: (token: string) => Promise<GraphQLResponse<unknown>>, refusedWith: 'FORBIDDEN' | 'NOT_FOUND'];
  const attempts: Attempt[] = [
    ['attackerShop', 'reads the other shop', (t) => api.gqlAs(t, ShopByIdDocument, { id: victimShop.shopId }), 'NOT_FOUND'],
    ['attackerProvider', 'reads a shop', (t) => api.gqlAs(t, ShopByIdDocument, { id: victimShop.shopId }), 'FORBIDDEN'],
    ['attackerShop', 'reads the other help request', (t) => api.gqlAs(t, HelpRequestByIdDocument, { id: requestId }), 'NOT_FOUND'],
    ['attackerProvider', 'reads a help request', (t) => api.gqlAs(t, HelpRequestByIdDocument, { id: requestId }), 'FORBIDDEN'],
    ['attackerShop', 'updates the other help request', (t) => api.gqlAs(t, UpdateHelpRequestDocument, { input: { id: requestId, description: 'Richiesta modificata da un altro negozio.' } }), 'NOT_FOUND'],
    ['attackerShop', 'cancels the other help request', (t) => api.gqlAs(t, CancelHelpRequestDocument, { id: requestId }), 'NOT_FOUND'],
    ['ministry', 'edits a help request', (t) => api.gqlAs(t, UpdateHelpRequestDocument, { input: { id: requestId, description: 'Modifica non consentita al ministero.' } }), 'FORBIDDEN'],
    ['ministry', 'cancels a help request', (t) => api.gqlAs(t, CancelHelpRequestDocument, { id: requestId }), 'FORBIDDEN'],
    ['attackerShop', 'lists all shops', (t) => api.gqlAs(t, ShopsDocument), 'FORBIDDEN'],
    ['attackerShop', 'lists all help requests', (t) => api.gqlAs(t, HelpRequestsDocument), 'FORBIDDEN'],
    ['attackerProvider', 'lists all providers', (t) => api.gqlAs(t, ProvidersDocument), 'FORBIDDEN'],
    ['attackerProvider', 'reads the other provider', (t) => api.gqlAs(t, ProviderByIdDocument, { id: victimProvider.providerId }), 'NOT_FOUND'],
    ['attackerShop', 'reads a provider', (t) => api.gqlAs(t, ProviderByIdDocument, { id: victimProvider.providerId }), 'FORBIDDEN'],
    ['attackerProvider', 'reads the other draft offer', (t) => api.gqlAs(t, OfferByIdDocument, { id: draftOfferId }), 'NOT_FOUND'],
    ['attackerShop', 'reads a draft offer', (t) => api.gqlAs(t, OfferByIdDocument, { id: draftOfferId }), 'NOT_FOUND'],
    ['attackerProvider', 'updates the other offer', (t) => api.gqlAs(t, UpdateOfferDocument, { input: { id: liveOfferId, capacity: 1 } }), 'NOT_FOUND'],
    ['attackerProvider', 'publishes the other draft', (t) => api.gqlAs(t, PublishOfferDocument, { id: draftOfferId }), 'NOT_FOUND'],
    ['attackerProvider', 'pauses the other offer', (t) => api.gqlAs(t, PauseOfferDocument, { id: liveOfferId }), 'NOT_FOUND'],
    ['attackerProvider', 'resumes the other offer', (t) => api.gqlAs(t, ResumeOfferDocument, { id: liveOfferId }), 'NOT_FOUND'],
    ['attackerProvider', 'closes the other offer', (t) => api.gqlAs(t, CloseOfferDocument, { id: liveOfferId }), 'NOT_FOUND'],
    ['attackerShop', 'closes an offer', (t) => api.gqlAs(t, CloseOfferDocument, { id: liveOfferId }), 'FORBIDDEN'],
    ['ministry', 'closes an offer', (t) => api.gqlAs(t, CloseOfferDocument, { id: liveOfferId }), 'FORBIDDEN'],
    ['ministry', 'edits an offer', (t) => api.gqlAs(t, UpdateOfferDocument, { input: { id: liveOfferId, capacity: 1 } }), 'FORBIDDEN'],
    ['attackerProvider', 'suspends the other offer', (t) => api.gqlAs(t, SuspendOfferDocument, { input: { offerId: liveOfferId, reason: 'Concorrenza sleale' } }), 'FORBIDDEN'],
    [
      'attackerProvider',
      'verifies the other provider',
      (t) => api.gqlAs(t, VerifyProviderDocument, { input: { providerId: victimProvider.providerId, decision: 'SUSPENDED', reason: 'Concorrenza sleale' } }),
      'FORBIDDEN',
    ],
    [
      'attackerShop',
      'verifies a provider',
      (t) => api.gqlAs(t, VerifyProviderDocument, { input: { providerId: victimProvider.providerId, decision: 'SUSPENDED', reason: 'Concorrenza sleale' } }),
      'FORBIDDEN',
    ],
    ['ministry', 'edits a shop profile', (t) => api.gqlAs(t, UpdateShopDocument, { input: { address: 'Via Nuova 1' } }), 'FORBIDDEN'],
    ['ministry', 'edits a provider profile', (t) => api.gqlAs(t, UpdateProviderDocument, { input: { name: 'Nome cambiato' } }), 'FORBIDDEN'],
    ['attackerShop', 'reads the other match', (t) => api.gqlAs(t, MatchByIdDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerProvider', 'reads a match of another provider', (t) => api.gqlAs(t, MatchWithRelationsDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerProvider', 'accepts a match of another provider', (t) => api.gqlAs(t, AcceptMatchDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerProvider', 'declines a match of another provider', (t) => api.gqlAs(t, DeclineMatchDocument, { input: { id: matchId, reason: 'Non ci interessa' } }), 'NOT_FOUND'],
    ['attackerProvider', 'completes a match of another provider', (t) => api.gqlAs(t, CompleteMatchDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerShop', 'withdraws the other match', (t) => api.gqlAs(t, WithdrawMatchDocument, { input: { id: matchId } }), 'NOT_FOUND'],
    ['attackerShop', 'confirms the other match active', (t) => api.gqlAs(t, ConfirmMatchActiveDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerShop', 'completes the other match', (t) => api.gqlAs(t, CompleteMatchDocument, { id: matchId }), 'NOT_FOUND'],
    [
      'attackerShop',
      'answers the survey of the other match',
      (t) => api.gqlAs(t, AnswerOutcomeSurveyDocument, { input: { matchId, gotOnlineOrders: false, approximateOrders: 0 } }),
      'NOT_FOUND',
    ],
    ['attackerShop', 'applies the other shop’s request', (t) => api.gqlAs(t, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: liveOfferId } }), 'NOT_FOUND'],
    ['attackerShop', 'reads recommendations for the other shop’s request', (t) => api.gqlAs(t, OfferRecommendationsDocument, { id: matchRequestId }), 'NOT_FOUND'],
    ['attackerShop', 'asks whether an offer fits the other shop’s request', (t) => api.gqlAs(t, OfferEligibilityDocument, { helpRequestId: matchRequestId, offerId: liveOfferId }), 'NOT_FOUND'],
    ['attackerProvider', 'reads recommendations for a request', (t) => api.gqlAs(t, OfferRecommendationsDocument, { id: matchRequestId }), 'FORBIDDEN'],
    ['ministry', 'accepts a match', (t) => api.gqlAs(t, AcceptMatchDocument, { id: matchId }), 'FORBIDDEN'],
    ['ministry', 'withdraws a match', (t) => api.gqlAs(t, WithdrawMatchDocument, { input: { id: matchId } }), 'FORBIDDEN'],
    ['ministry', 'applies a request to an offer', (t) => api.gqlAs(t, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: liveOfferId } }), 'FORBIDDEN'],
    ['attackerShop', 'lists every match', (t) => api.gqlAs(t, MatchesDocument), 'FORBIDDEN'],
    ['attackerProvider', 'starts an allocation run', (t) => api.gqlAs(t, StartAllocationRunDocument, { input: { mode: 'COMMIT' } }), 'FORBIDDEN'],
    ['attackerShop', 'reads the audit log', (t) => api.gqlAs(t, AuditEventsDocument, { filter: {}, first: 20 }), 'FORBIDDEN'],
    ['attackerProvider', 'lists the accounts', (t) => api.gqlAs(t, AccountsDocument, { filter: {}, first: 20 }), 'FORBIDDEN'],
    ['ministry', 'lists the accounts', (t) => api.gqlAs(t, AccountsDocument, { filter: {}, first: 20 }), 'FORBIDDEN'],
    [
      'attackerShop',
      'disables the other shop’s account',
      (t) => api.gqlAs(t, SetAccountStatusDocument, { input: { userId: victimShop.userId, status: 'DISABLED', reason: 'Concorrenza sleale' } }),
      'FORBIDDEN',
    ],
    [
      'ministry',
      'disables a shop’s account',
      (t) => api.gqlAs(t, SetAccountStatusDocument, { input: { userId: victimShop.userId, status: 'DISABLED', reason: 'Non di competenza' } }),
      'FORBIDDEN',
    ],
    ['attackerFacilitator', 'reads the victim shop naming it', (t) => forVictim(t, ShopByIdDocument, { id: victimShop.shopId }), 'NOT_FOUND'],
    ['attackerFacilitator', 'reads the victim shop for its own shop', (t) => forOwnShop(t, ShopByIdDocument, { id: victimShop.shopId }), 'NOT_FOUND'],
    ['attackerFacilitator', 'lists the victim shop’s requests naming it', (t) => forVictim(t, MyHelpRequestsDocument, {}), 'NOT_FOUND'],
    ['attackerFacilitator', 'edits the victim shop’s profile', (t) => forVictim(t, UpdateShopDocument, { input: { address: 'Via Nuova 1' } }), 'NOT_FOUND'],
    ['attackerFacilitator', 'reads the victim’s help request for its own shop', (t) => forOwnShop(t, HelpRequestByIdDocument, { id: requestId }), 'NOT_FOUND'],
    ['attackerFacilitator', 'cancels the victim’s help request naming it', (t) => forVictim(t, CancelHelpRequestDocument, { id: requestId }), 'NOT_FOUND'],
    [
      'attackerFacilitator',
      'applies the victim’s request for its own shop',
      (t) => forOwnShop(t, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: liveOfferId } }),
      'NOT_FOUND',
    ],
    ['attackerFacilitator', 'reads the victim’s match for its own shop', (t) => forOwnShop(t, MatchByIdDocument, { id: matchId }), 'NOT_FOUND'],
    ['attackerFacilitator', 'withdraws the victim’s match naming it', (t) => forVictim(t, WithdrawMatchDocument, { input: { id: matchId } }), 'NOT_FOUND'],
    ['attackerFacilitator', 'confirms the victim’s match for its own shop', (t) => forOwnShop(t, ConfirmMatchActiveDocument, { id: matchId }), 'NOT_FOUND'],
    [
      'attackerFacilitator',
      'answers the survey of the victim’s match',
      (t) => forOwnShop(t, AnswerOutcomeSurveyDocument, { input: { matchId, gotOnlineOrders: false, approximateOrders: 0 } }),
      'NOT_FOUND',
    ],
    ['attackerFacilitator', 'reads recommendations for the victim’s request', (t) => forOwnShop(t, OfferRecommendationsDocument, { id: matchRequestId }), 'NOT_FOUND'],
    ['attackerFacilitator', 'lists all shops', (t) => api.gqlAs(t, ShopsDocument), 'FORBIDDEN'],
    ['attackerFacilitator', 'accepts a match as a provider', (t) => forVictim(t, AcceptMatchDocument, { id: matchId }), 'FORBIDDEN'],
    [
      'attackerFacilitator',
      'approves itself',
      (t) => api.gqlAs(t, VerifyFacilitatorDocument, { input: { facilitatorId: attackerFacilitator.facilitatorId, decision: 'SUSPENDED', reason: 'Prova di abuso' } }),
      'FORBIDDEN',
    ],
  ];

  it.each(attempts)('%s %s: refused, nothing changes', async (who, _label, send, refusedWith) => {
    const before = await victimState();
    const { data, errors } = await send(token(who));
    expect(data ?? null).toBeNull();
    expect(errors?.[0].extensions.code).toBe(refusedWith);
    expect(await victimState()).toBe(before);
  });

  it('lists show only the caller’s own objects', async () => {
    const mine = await api.gqlAs(attackerShop.accessToken, MyHelpRequestsDocument, { first: 100 });
    expect(dataOf(mine).myHelpRequests.items.map((r) => r.id)).not.toContain(requestId);
    const offers = dataOf(await api.gqlAs(attackerProvider.accessToken, MyOffersDocument, { first: 100 })).myOffers.items.map((o) => o.id);
    expect(offers).not.toContain(draftOfferId);
    expect(offers).not.toContain(liveOfferId);
    const ownShopMatches = dataOf(await forOwnShop(attackerFacilitator.accessToken, MyMatchesDocument, { first: 100 })).myMatches.items;
    expect(ownShopMatches.map((m) => m.id)).not.toContain(matchId);
    for (const attacker of [attackerShop, attackerProvider]) {
      const matches = dataOf(await api.gqlAs(attacker.accessToken, MyMatchesDocument, { first: 100 })).myMatches.items;
      expect(matches.map((m) => m.id)).not.toContain(matchId);
      const notes = dataOf(await api.gqlAs(attacker.accessToken, MyNotificationsDocument, { first: 100 })).myNotifications.items;
      expect(notes.map((n) => n.matchId)).not.toContain(matchId);
    }
  });

  it('each side of a match sees it, with nested request, offer and shop', async () => {
    for (const side of [victimShop, victimProvider]) {
      const { data, errors } = await api.gqlAs(side.accessToken, MatchWithRelationsDocument, { id: matchId });
      expect(errors).toBeUndefined();
      expect(data?.match).toMatchObject({ helpRequest: { id: matchRequestId }, offer: { id: liveOfferId }, shop: { id: victimShop.shopId } });
    }
  });

  it('nested fields expose only public provider data', async () => {
    const { data } = await api.gqlAs(attackerShop.accessToken, OfferPublicProviderDocument, { id: liveOfferId });
    expect(data?.offer.provider).toEqual({ id: victimProvider.providerId, name: expect.any(String), kind: 'DELIVERY' });
    // Fields the public provider type does not have: no typed document can ask for them.
    const leak = await api.gqlRaw('query ($id: ID!) { offer(id: $id) { provider { partitaIva verificationReason } } }', {
      variables: { id: liveOfferId },
      accessToken: attackerShop.accessToken,
    });
    expect(leak.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('ministry staff can read everything', async () => {
    const read = async (): Promise<string[]> => [
      dataOf(await api.gqlAs(ministry.accessToken, ShopByIdDocument, { id: victimShop.shopId })).shop.id,
      dataOf(await api.gqlAs(ministry.accessToken, HelpRequestByIdDocument, { id: requestId })).helpRequest.id,
      dataOf(await api.gqlAs(ministry.accessToken, ProviderByIdDocument, { id: victimProvider.providerId })).provider.id,
      dataOf(await api.gqlAs(ministry.accessToken, OfferByIdDocument, { id: draftOfferId })).offer.id,
      dataOf(await api.gqlAs(ministry.accessToken, MatchByIdDocument, { id: matchId })).match.id,
    ];
    expect(await read()).toEqual([victimShop.shopId, requestId, victimProvider.providerId, draftOfferId, matchId]);
  });

  it('anonymous callers reach nothing but public data', async () => {
    const answers = [await api.gql(MyShopDocument), await api.gql(ShopsDocument), await api.gql(OffersDocument), await api.gql(MyHelpRequestsDocument)];
    expect(answers.map(({ errors }) => errors?.[0].extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});
