import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, createOffer, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { startTestApp, TestApp } from './testing/test-app';

/**
 * Every role tries every operation on objects that belong to someone else, through queries,
 * mutations and nested fields. The matrix passes when each attempt is refused and the database
 * is byte-for-byte the same afterwards.
 */
describe('IDOR matrix: nobody reaches another tenant’s objects', () => {
  let api: TestApp;
  let db: DataSource;
  let victimShop: SignedIn & { shopId: string };
  let victimProvider: ProviderAccount;
  let attackerShop: SignedIn & { shopId: string };
  let attackerProvider: ProviderAccount;
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
    const created = await api.gqlAs<{ createHelpRequest: { id: string } }>(
      victimShop.accessToken,
      'mutation ($input: CreateHelpRequestInput!) { createHelpRequest(input: $input) { ... on HelpRequest { id } } }',
      { input: { category: 'HOME_DELIVERY', description: 'Consegne a domicilio nel quartiere, tre giorni a settimana.' } },
    );
    requestId = created.data!.createHelpRequest.id;
    draftOfferId = (await createOffer(api, victimProvider)).id;
    liveOfferId = (await publishedOffer(api, victimProvider)).id;
    matchRequestId = await askFor(api, victimShop, 'ONLINE_STORE');
    matchId = (await applyTo(api, victimShop, matchRequestId, liveOfferId)).id;
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
    ]);
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }

  const token = (who: string): string =>
    ({ attackerShop: attackerShop.accessToken, attackerProvider: attackerProvider.accessToken, ministry: ministry.accessToken })[who] ?? '';

  type Attempt = [who: string, label: string, query: () => string, variables: () => Record<string, unknown>, refusedWith: RegExp];
  const attempts: Attempt[] = [
    ['attackerShop', 'reads the other shop', () => 'query ($id: ID!) { shop(id: $id) { partitaIva contactEmail } }', () => ({ id: victimShop.shopId }), /NOT_FOUND/],
    ['attackerProvider', 'reads a shop', () => 'query ($id: ID!) { shop(id: $id) { partitaIva } }', () => ({ id: victimShop.shopId }), /FORBIDDEN|NOT_FOUND/],
    ['attackerShop', 'reads the other help request', () => 'query ($id: ID!) { helpRequest(id: $id) { description } }', () => ({ id: requestId }), /NOT_FOUND/],
    ['attackerProvider', 'reads a help request', () => 'query ($id: ID!) { helpRequest(id: $id) { description } }', () => ({ id: requestId }), /FORBIDDEN|NOT_FOUND/],
    ['attackerShop', 'updates the other help request', () => 'mutation ($input: UpdateHelpRequestInput!) { updateHelpRequest(input: $input) { __typename } }', () => ({ input: { id: requestId, description: 'Richiesta modificata da un altro negozio.' } }), /NOT_FOUND/],
    ['attackerShop', 'cancels the other help request', () => 'mutation ($id: ID!) { cancelHelpRequest(id: $id) { __typename } }', () => ({ id: requestId }), /NOT_FOUND/],
    ['ministry', 'edits a help request', () => 'mutation ($input: UpdateHelpRequestInput!) { updateHelpRequest(input: $input) { __typename } }', () => ({ input: { id: requestId, description: 'Modifica non consentita al ministero.' } }), /FORBIDDEN/],
    ['attackerShop', 'lists all shops', () => '{ shops { totalCount } }', () => ({}), /FORBIDDEN/],
    ['attackerShop', 'lists all help requests', () => '{ helpRequests { totalCount } }', () => ({}), /FORBIDDEN/],
    ['attackerProvider', 'lists all providers', () => '{ providers { totalCount } }', () => ({}), /FORBIDDEN/],
    ['attackerProvider', 'reads the other provider', () => 'query ($id: ID!) { provider(id: $id) { partitaIva verificationReason } }', () => ({ id: victimProvider.providerId }), /NOT_FOUND/],
    ['attackerProvider', 'reads the other draft offer', () => 'query ($id: ID!) { offer(id: $id) { title } }', () => ({ id: draftOfferId }), /NOT_FOUND/],
    ['attackerShop', 'reads a draft offer', () => 'query ($id: ID!) { offer(id: $id) { title } }', () => ({ id: draftOfferId }), /NOT_FOUND/],
    ['attackerProvider', 'updates the other offer', () => 'mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { __typename } }', () => ({ input: { id: liveOfferId, capacity: 1 } }), /NOT_FOUND/],
    ['attackerProvider', 'publishes the other draft', () => 'mutation ($id: ID!) { publishOffer(id: $id) { __typename } }', () => ({ id: draftOfferId }), /NOT_FOUND/],
    ['attackerProvider', 'pauses the other offer', () => 'mutation ($id: ID!) { pauseOffer(id: $id) { __typename } }', () => ({ id: liveOfferId }), /NOT_FOUND/],
    ['attackerProvider', 'closes the other offer', () => 'mutation ($id: ID!) { closeOffer(id: $id) { __typename } }', () => ({ id: liveOfferId }), /NOT_FOUND/],
    ['attackerShop', 'closes an offer', () => 'mutation ($id: ID!) { closeOffer(id: $id) { __typename } }', () => ({ id: liveOfferId }), /FORBIDDEN/],
    ['ministry', 'closes an offer', () => 'mutation ($id: ID!) { closeOffer(id: $id) { __typename } }', () => ({ id: liveOfferId }), /FORBIDDEN/],
    ['ministry', 'edits an offer', () => 'mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { __typename } }', () => ({ input: { id: liveOfferId, capacity: 1 } }), /FORBIDDEN/],
    ['attackerProvider', 'verifies the other provider', () => 'mutation ($input: VerifyProviderInput!) { verifyProvider(input: $input) { __typename } }', () => ({ input: { providerId: victimProvider.providerId, decision: 'SUSPENDED', reason: 'Concorrenza sleale' } }), /FORBIDDEN/],
    ['attackerShop', 'verifies a provider', () => 'mutation ($input: VerifyProviderInput!) { verifyProvider(input: $input) { __typename } }', () => ({ input: { providerId: victimProvider.providerId, decision: 'SUSPENDED', reason: 'Concorrenza sleale' } }), /FORBIDDEN/],
    ['ministry', 'edits a shop profile', () => 'mutation { updateShop(input: { address: "Via Nuova 1" }) { id } }', () => ({}), /FORBIDDEN/],
    ['ministry', 'edits a provider profile', () => 'mutation { updateProvider(input: { name: "Nome cambiato" }) { id } }', () => ({}), /FORBIDDEN/],
    ['attackerShop', 'reads the other match', () => 'query ($id: ID!) { match(id: $id) { state } }', () => ({ id: matchId }), /NOT_FOUND/],
    ['attackerProvider', 'reads a match of another provider', () => 'query ($id: ID!) { match(id: $id) { shop { contactEmail } } }', () => ({ id: matchId }), /NOT_FOUND/],
    ['attackerProvider', 'accepts a match of another provider', () => 'mutation ($id: ID!) { acceptMatch(id: $id) { __typename } }', () => ({ id: matchId }), /NOT_FOUND/],
    ['attackerProvider', 'declines a match of another provider', () => 'mutation ($input: DeclineMatchInput!) { declineMatch(input: $input) { __typename } }', () => ({ input: { id: matchId, reason: 'Non ci interessa' } }), /NOT_FOUND/],
    ['attackerShop', 'withdraws the other match', () => 'mutation ($input: WithdrawMatchInput!) { withdrawMatch(input: $input) { __typename } }', () => ({ input: { id: matchId } }), /NOT_FOUND/],
    ['attackerShop', 'confirms the other match active', () => 'mutation ($id: ID!) { confirmMatchActive(id: $id) { __typename } }', () => ({ id: matchId }), /NOT_FOUND/],
    ['attackerShop', 'answers the survey of the other match', () => 'mutation ($input: AnswerOutcomeSurveyInput!) { answerOutcomeSurvey(input: $input) { __typename } }', () => ({ input: { matchId, gotOnlineOrders: false, approximateOrders: 0 } }), /NOT_FOUND/],
    ['attackerShop', 'applies the other shop’s request', () => 'mutation ($input: ApplyToOfferInput!) { applyToOffer(input: $input) { __typename } }', () => ({ input: { helpRequestId: requestId, offerId: liveOfferId } }), /NOT_FOUND/],
    ['attackerShop', 'reads recommendations for the other shop’s request', () => 'query ($id: ID!) { offerRecommendations(helpRequestId: $id) { candidateCount } }', () => ({ id: matchRequestId }), /NOT_FOUND/],
    ['ministry', 'accepts a match', () => 'mutation ($id: ID!) { acceptMatch(id: $id) { __typename } }', () => ({ id: matchId }), /FORBIDDEN/],
    ['attackerShop', 'lists every match', () => '{ matches { totalCount } }', () => ({}), /FORBIDDEN/],
    ['attackerProvider', 'starts an allocation run', () => 'mutation { startAllocationRun(input: { mode: COMMIT }) { id } }', () => ({}), /FORBIDDEN/],
    ['attackerShop', 'reads the audit log', () => '{ auditEvents { totalCount } }', () => ({}), /FORBIDDEN/],
  ];

  it.each(attempts)('%s %s: refused, nothing changes', async (who, _label, query, variables, refusedWith) => {
    const before = await victimState();
    const { data, errors } = await api.gqlAs(token(who), query(), variables());
    expect(data ?? null).toBeNull();
    expect(errors?.[0].extensions.code).toMatch(refusedWith);
    expect(await victimState()).toBe(before);
  });

  it('lists show only the caller’s own objects', async () => {
    const mine = await api.gqlAs<{ myHelpRequests: { items: { id: string }[] } }>(attackerShop.accessToken, '{ myHelpRequests(first: 100) { items { id } } }');
    expect(mine.data?.myHelpRequests.items.map((r) => r.id)).not.toContain(requestId);
    const offers = await api.gqlAs<{ myOffers: { items: { id: string }[] } }>(attackerProvider.accessToken, '{ myOffers(first: 100) { items { id } } }');
    expect(offers.data?.myOffers.items.map((o) => o.id)).not.toContain(draftOfferId);
    expect(offers.data?.myOffers.items.map((o) => o.id)).not.toContain(liveOfferId);
    for (const attacker of [attackerShop, attackerProvider]) {
      const matches = await api.gqlAs<{ myMatches: { items: { id: string }[] } }>(attacker.accessToken, '{ myMatches(first: 100) { items { id } } }');
      expect(matches.data?.myMatches.items.map((m) => m.id)).not.toContain(matchId);
      const notes = await api.gqlAs<{ myNotifications: { items: { matchId: string | null }[] } }>(attacker.accessToken, '{ myNotifications(first: 100) { items { matchId } } }');
      expect(notes.data?.myNotifications.items.map((n) => n.matchId)).not.toContain(matchId);
    }
  });

  it('each side of a match sees it, with nested request, offer and shop', async () => {
    for (const side of [victimShop, victimProvider]) {
      const { data, errors } = await api.gqlAs<{ match: { helpRequest: { id: string }; offer: { id: string }; shop: { id: string } } }>(
        side.accessToken,
        'query ($id: ID!) { match(id: $id) { helpRequest { id } offer { id } shop { id contactEmail } } }',
        { id: matchId },
      );
      expect(errors).toBeUndefined();
      expect(data?.match).toMatchObject({ helpRequest: { id: matchRequestId }, offer: { id: liveOfferId }, shop: { id: victimShop.shopId } });
    }
  });

  it('nested fields expose only public provider data', async () => {
    const { data } = await api.gqlAs<{ offer: { provider: Record<string, unknown> } }>(attackerShop.accessToken, 'query ($id: ID!) { offer(id: $id) { provider { id name kind } } }', {
      id: liveOfferId,
    });
    expect(data?.offer.provider).toEqual({ id: victimProvider.providerId, name: expect.any(String), kind: 'DELIVERY' });
    const leak = await api.gqlAs(attackerShop.accessToken, 'query ($id: ID!) { offer(id: $id) { provider { partitaIva verificationReason } } }', { id: liveOfferId });
    expect(leak.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('ministry staff can read everything', async () => {
    for (const [query, id] of [
      ['query ($id: ID!) { shop(id: $id) { id } }', victimShop.shopId],
      ['query ($id: ID!) { helpRequest(id: $id) { id } }', requestId],
      ['query ($id: ID!) { provider(id: $id) { id } }', victimProvider.providerId],
      ['query ($id: ID!) { offer(id: $id) { id } }', draftOfferId],
      ['query ($id: ID!) { match(id: $id) { id } }', matchId],
    ]) {
      const { data, errors } = await api.gqlAs<Record<string, { id: string }>>(ministry.accessToken, query, { id });
      expect(errors).toBeUndefined();
      expect(Object.values(data ?? {})[0]?.id).toBe(id);
    }
  });

  it('anonymous callers reach nothing but public data', async () => {
    for (const query of ['{ myShop { id } }', '{ shops { totalCount } }', '{ offers { totalCount } }', '{ myHelpRequests { totalCount } }']) {
      const { errors } = await api.gql(query);
      expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
