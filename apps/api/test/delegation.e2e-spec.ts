import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { DataSource } from 'typeorm';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AcceptMatchDocument,
  ActionsOnMyBehalfDocument,
  AnswerDelegationInvitationDocument,
  ApplyToOfferDocument,
  ClaimShopDocument,
  ConfirmMatchActiveDocument,
  CreateHelpRequestDocument,
  DecideFacilitatorDocument,
  DelegatedShopsDocument,
  DelegationLinkDocument,
  GrantDelegationDocument,
  InviteShopDocument,
  LoginDocument,
  MatchByIdDocument,
  MonitoringByFacilitatorDocument,
  MyDelegationsDocument,
  MyHelpRequestsDocument,
  MyMatchesDocument,
  MyShopDocument,
  RegisterFacilitatorDocument,
  RegisterShopOnPaperDocument,
  ResendClaimLinkDocument,
  RevokeDelegationDocument,
  ShopByIdDocument,
  ShopsThroughIntermediariesDocument,
  UpdateMyLanguageDocument,
  UpdateShopDocument,
  WithdrawDelegationDocument,
} from './gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { notificationKinds } from './testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp, type GraphQLResponse } from './testing/test-app';

const TORINO = '001272';

interface Facilitator extends SignedIn {
  facilitatorId: string;
  name: string;
}

describe('Facilitators acting for shops under their delegation, over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function facilitator(decision: 'APPROVED' | null = 'APPROVED'): Promise<Facilitator> {
    const owner = await signUp(api, 'FACILITATOR');
    const name = `Ascom ${owner.userId.slice(0, 6)}`;
    const { registerFacilitator } = dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) }));
    const facilitatorId = member(registerFacilitator, 'Facilitator').id;
    if (decision) await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision } });
    return { ...owner, facilitatorId, name };
  }

  /** A typed document sent by a facilitator naming the shop it acts for. */
  const actingFor = <R, V>(who: SignedIn, shopId: string | null, document: TypedDocumentNode<R, V>, variables: V): Promise<GraphQLResponse<R>> =>
    api
      .gqlHttp(document, variables, { authorization: `Bearer ${who.accessToken}`, ...(shopId ? { 'x-on-behalf-of-shop': shopId } : {}) })
      .then((response) => response.body);

  /** The code of the single-use link last e-mailed to this address. */
  async function linkSentTo(email: string, path: 'delega' | 'rivendica'): Promise<string> {
    const [mail]: { text: string }[] = await db.query(`SELECT text FROM mail_message WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
    const found = new RegExp(`/${path}/([^\\s]+)`).exec(mail?.text ?? '');
    if (!found) throw new Error(`no /${path}/ link was e-mailed to ${email}`);
    return found[1];
  }

  /** A shop in Torino that accepted the facilitator's e-mailed invitation. */
  async function delegatedShop(by: Facilitator): Promise<SignedIn & { shopId: string; delegationId: string }> {
    const shop = await shopIn(api, TORINO);
    const invited = await api.gqlAs(by.accessToken, InviteShopDocument, { input: { email: shop.email } });
    expect(invited.data?.inviteShop).toMatchObject({ __typename: 'Delegation', status: 'INVITED', shopId: null });
    const link = await linkSentTo(shop.email, 'delega');
    const accepted = member(dataOf(await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } })).answerDelegationInvitation, 'Delegation');
    return { ...shop, delegationId: accepted.id };
  }

  it('a shop accepts an e-mailed invitation; the facilitator then updates its profile, asks, applies and confirms for it, each action audited on its behalf and shown to the shop', async () => {
    const ascom = await facilitator();
    const shop = await shopIn(api, TORINO);
    const invited = member(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: shop.email } })).inviteShop, 'Delegation');
    const link = await linkSentTo(shop.email, 'delega');
    expect(dataOf(await api.gql(DelegationLinkDocument, { link })).delegationLink).toMatchObject({ purpose: 'INVITATION', facilitatorName: ascom.name, email: shop.email });
    const accepted = dataOf(await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } })).answerDelegationInvitation;
    expect(accepted).toMatchObject({ __typename: 'Delegation', id: invited.id, status: 'ACTIVE', consent: 'SHOP', shopId: shop.shopId, scope: ['PROFILE', 'REQUESTS', 'APPLY', 'CONFIRM'] });
    // The link worked once.
    const again = await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });

    const updated = await actingFor(ascom, shop.shopId, UpdateShopDocument, { input: { address: 'Via Po 12' } });
    expect(updated.data?.updateShop.address).toBe('Via Po 12');
    const asked = await actingFor(ascom, shop.shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'Vendere online i prodotti del negozio.' } });
    const requestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider);
    const applied = await actingFor(ascom, shop.shopId, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: offer.id, joinWaitlist: false } });
    const matchId = member(dataOf(applied).applyToOffer, 'Match').id;
    expect(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: matchId })).acceptMatch).toMatchObject({ __typename: 'Match' });
    const desk = dataOf(await api.gqlAs(ascom.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops;
    expect(desk.items.find((row) => row.shopId === shop.shopId)).toMatchObject({ consent: 'SHOP', unclaimed: false, requests: 1, openRequests: 0, matchesToConfirm: 1, surveysDue: 0 });
    const confirmed = await actingFor(ascom, shop.shopId, ConfirmMatchActiveDocument, { id: matchId });
    expect(confirmed.data?.confirmMatchActive).toMatchObject({ __typename: 'Match', state: 'ACTIVE' });

    const audit: { action: string; actor_user_id: string; actor_role: string; on_behalf_of_shop_id: string | null }[] = await db.query(
      `SELECT action, actor_user_id, actor_role, on_behalf_of_shop_id FROM audit_event WHERE actor_user_id = $1 AND on_behalf_of_shop_id IS NOT NULL ORDER BY id`,
      [ascom.userId],
    );
    expect(audit.map((event) => event.action)).toEqual(['shop.updated', 'help_request.created', 'match.applied', 'match.active']);
    expect(audit.every((event) => event.actor_role === 'FACILITATOR' && event.on_behalf_of_shop_id === shop.shopId)).toBe(true);
    const transitions = await db.query(`SELECT to_state, actor_user_id, actor_role FROM match_transition WHERE match_id = $1 ORDER BY id`, [matchId]);
    expect(transitions).toEqual([
      { to_state: 'PENDING', actor_user_id: ascom.userId, actor_role: 'FACILITATOR' },
      { to_state: 'ACCEPTED', actor_user_id: provider.userId, actor_role: 'PROVIDER' },
      { to_state: 'ACTIVE', actor_user_id: ascom.userId, actor_role: 'FACILITATOR' },
    ]);

    const history = dataOf(await api.gqlAs(shop.accessToken, ActionsOnMyBehalfDocument)).actionsOnMyBehalf;
    expect(history.items.map((item) => item.action)).toEqual(['match.active', 'match.applied', 'help_request.created', 'shop.updated']);
    expect(history.items.every((item) => item.facilitatorName === ascom.name)).toBe(true);
    expect((await notificationKinds(api, shop)).filter((kind) => kind === 'ACTED_ON_BEHALF')).toHaveLength(4);
    expect(await notificationKinds(api, ascom)).toContain('DELEGATION_CHANGED');

    // Monitoring by intermediary: one shop onboarded and served; the open data counts it.
    const uptake = dataOf(await api.gqlAs(staff.accessToken, MonitoringByFacilitatorDocument)).monitoringByFacilitator;
    expect(uptake.items.find((row) => row.facilitatorId === ascom.facilitatorId)).toEqual({
      facilitatorId: ascom.facilitatorId,
      shopsOnboarded: 1,
      shopsOnPaper: 0,
      liveDelegations: 1,
      shopsServed: 1,
      completedMatches: 0,
    });
    expect(dataOf(await api.gql(ShopsThroughIntermediariesDocument)).publicFigures.shopsThroughIntermediaries).toBeGreaterThanOrEqual(1);
    expect((await api.gqlAs(ascom.accessToken, MonitoringByFacilitatorDocument)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses the very next call after the shop revokes, and writes nothing for it', async () => {
    const ascom = await facilitator();
    const shop = await delegatedShop(ascom);
    expect((await actingFor(ascom, shop.shopId, MyShopDocument, {})).data?.myShop?.id).toBe(shop.shopId);
    const revoked = dataOf(await api.gqlAs(shop.accessToken, RevokeDelegationDocument, { input: { delegationId: shop.delegationId } })).revokeDelegation;
    expect(revoked).toMatchObject({ __typename: 'Delegation', status: 'REVOKED' });
    const refused = await actingFor(ascom, shop.shopId, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Un sito per il negozio, per favore.' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SHOP_NOT_FOUND' });
    expect((await actingFor(ascom, shop.shopId, MyShopDocument, {})).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM help_request WHERE shop_id = $1`, [shop.shopId]);
    expect(n).toBe(0);
    const desk = dataOf(await api.gqlAs(ascom.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops;
    expect(desk.items.map((row) => row.shopId)).not.toContain(shop.shopId);
    // Revoking twice is a step the delegation's state no longer allows.
    const twice = dataOf(await api.gqlAs(shop.accessToken, RevokeDelegationDocument, { input: { delegationId: shop.delegationId } })).revokeDelegation;
    expect(twice).toMatchObject({ __typename: 'InvalidDelegationTransitionError', code: 'INVALID_TRANSITION' });
  });

  describe('no access to a shop without a live delegation', () => {
    let ascom: Facilitator;
    let other: Facilitator;
    let shop: SignedIn & { shopId: string; delegationId: string };
    let matchId: string;
    beforeAll(async () => {
      ascom = await facilitator();
      other = await facilitator();
      shop = await delegatedShop(ascom);
      const requestId = member(
        dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'HOME_DELIVERY', description: 'Consegne a domicilio nel quartiere.' } })).createHelpRequest,
        'HelpRequest',
      ).id;
      const provider = await approvedProvider(api, staff);
      const offer = await publishedOffer(api, provider, { categories: ['HOME_DELIVERY'] });
      matchId = member(
        dataOf(await api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId: requestId, offerId: offer.id, joinWaitlist: false } })).applyToOffer,
        'Match',
      ).id;
    });

    const reads: [string, (who: SignedIn, shopId: string | null) => Promise<GraphQLResponse<unknown>>][] = [
      ['myShop', (who, id) => actingFor(who, id, MyShopDocument, {})],
      ['shop(id)', (who, id) => actingFor(who, id, ShopByIdDocument, { id: shop.shopId })],
      ['myHelpRequests', (who, id) => actingFor(who, id, MyHelpRequestsDocument, {})],
      ['match(id)', (who, id) => actingFor(who, id, MatchByIdDocument, { id: matchId })],
      ['updateShop', (who, id) => actingFor(who, id, UpdateShopDocument, { input: { address: 'Via Rubata 1' } })],
      ['createHelpRequest', (who, id) => actingFor(who, id, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Un sito per il negozio, per favore.' } })],
    ];

    it.each(reads)('%s: another facilitator naming the shop is told it does not exist', async (_name, call) => {
      const answer = await call(other, shop.shopId);
      expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it.each(reads)('%s: the delegated facilitator naming no shop, or a shop it does not act for, is refused', async (_name, call) => {
      const stranger = await shopIn(api, TORINO);
      const noShop = await call(ascom, null);
      const wrongShop = await call(ascom, stranger.shopId);
      expect([noShop.errors?.[0].extensions.code, wrongShop.errors?.[0].extensions.code]).toEqual([expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/), 'NOT_FOUND']);
    });

    it('myMatches lists nothing for a facilitator without delegation; a suspended facilitator loses access at once', async () => {
      const mine = await actingFor(other, shop.shopId, MyMatchesDocument, { first: 10 });
      expect(mine.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await actingFor(ascom, shop.shopId, MyMatchesDocument, { first: 10 })).data?.myMatches.items.map((m) => m.id)).toContain(matchId);
      const suspended = await facilitator();
      const theirs = await delegatedShop(suspended);
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: suspended.facilitatorId, decision: 'SUSPENDED', reason: 'Segnalazioni da verificare' } });
      expect((await actingFor(suspended, theirs.shopId, MyShopDocument, {})).errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('a shop account cannot use the header to reach another shop', async () => {
      const stranger = await shopIn(api, TORINO);
      const answer = await actingFor(stranger, shop.shopId, MyShopDocument, {});
      expect(answer.data?.myShop?.id).toBe(stranger.shopId);
    });
  });

  it("names a shop in the audit trail only when the access check let the request act for it: a header alone forges nothing, and a facilitator's own changes stay its own", async () => {
    const ascom = await facilitator();
    const mine = await delegatedShop(ascom);
    const stranger = await shopIn(api, TORINO);
    const pending = await facilitator(null);
    const onBehalf = async (shopId: string): Promise<{ events: number; notices: number }> => {
      const [{ events }] = await db.query(`SELECT count(*)::int AS events FROM audit_event WHERE on_behalf_of_shop_id = $1`, [shopId]);
      const [{ notices }] = await db.query(`SELECT count(*)::int AS notices FROM notification n JOIN shop s ON s.owner_user_id = n.user_id WHERE s.id = $1 AND n.kind = 'ACTED_ON_BEHALF'`, [shopId]);
      return { events, notices };
    };
    // An audited change of the caller's own account, naming a shop it has no delegation from, or its own delegated shop.
    for (const [who, shopId, language] of [
      [pending, stranger.shopId, 'EN'],
      [ascom, stranger.shopId, 'EN'],
      [ascom, mine.shopId, 'IT'],
    ] as const) {
      const changed = await actingFor(who, shopId, UpdateMyLanguageDocument, { input: { language } });
      expect(changed.data?.updateMyLanguage.language).toBe(language);
    }
    expect(await onBehalf(stranger.shopId)).toEqual({ events: 0, notices: 0 });
    expect(await onBehalf(mine.shopId)).toEqual({ events: 0, notices: 0 });
    const own: { on_behalf_of_shop_id: string | null }[] = await db.query(`SELECT on_behalf_of_shop_id FROM audit_event WHERE actor_user_id = $1 AND action = 'user.language-changed'`, [ascom.userId]);
    expect(own).toEqual([{ on_behalf_of_shop_id: null }, { on_behalf_of_shop_id: null }]);
    // The same facilitator acting through a shop operation is recorded for that shop.
    expect((await actingFor(ascom, mine.shopId, UpdateShopDocument, { input: { address: 'Via Garibaldi 3' } })).data?.updateShop.address).toBe('Via Garibaldi 3');
    expect(await onBehalf(mine.shopId)).toEqual({ events: 1, notices: 1 });
  });

  it('a facilitator registers a shop on a paper consent; the owner claims it with a new account, which turns the consent into its own', async () => {
    const cna = await facilitator();
    const ownerEmail = anEmail('titolare');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const early = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail, declaredOn: future } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.declaredOn' })] });

    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ legalName: 'Sartoria Bianchi' }), ownerEmail, declaredOn: '2026-11-30' } }))
        .registerShopOnPaper,
      'Delegation',
    );
    expect(registered).toMatchObject({ status: 'ACTIVE', consent: 'PAPER', paperDeclaredOn: '2026-11-30' });
    const shopId = registered.shopId as string;
    const desk = dataOf(await api.gqlAs(cna.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops;
    expect(desk.items.find((row) => row.shopId === shopId)).toMatchObject({ consent: 'PAPER', unclaimed: true, requests: 0 });
    // Acting before the claim: audited on the shop's behalf, with nobody yet to notify.
    const asked = await actingFor(cna, shopId, CreateHelpRequestDocument, { input: { category: 'DIGITAL_PAYMENTS', description: 'Pagamenti con carta in negozio.' } });
    expect(asked.data?.createHelpRequest).toMatchObject({ __typename: 'HelpRequest' });

    const link = await linkSentTo(ownerEmail, 'rivendica');
    expect(dataOf(await api.gql(DelegationLinkDocument, { link })).delegationLink).toMatchObject({ purpose: 'CLAIM', shopName: expect.any(String), email: ownerEmail, paperDeclaredOn: '2026-11-30' });
    const noPassword = await api.gql(ClaimShopDocument, { input: { link } });
    expect(noPassword.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.password' })] });
    // A new account is opened only with the privacy notice in force accepted.
    const noNotice = await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD } });
    expect(noNotice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.privacyNoticeVersion' })] });
    const oldNotice = await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: '2020-01-01' } });
    expect(oldNotice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.privacyNoticeVersion' })] });
    const claimed = dataOf(await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop;
    expect(claimed).toEqual({ __typename: 'ClaimedShop', shopId, email: ownerEmail });
    const reused = await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });

    const login = dataOf(await api.gql(LoginDocument, { input: { email: ownerEmail, password: TEST_PASSWORD } })).login;
    // The notice accepted is recorded with the account; the link proved the address.
    expect(await db.query(`SELECT a.notice_version, u.email_verified_at IS NOT NULL AS verified FROM privacy_notice_acceptance a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1`, [ownerEmail])).toEqual([
      { notice_version: PRIVACY_NOTICE_VERSION, verified: true },
    ]);
    expect(dataOf(await api.gqlAs(login.accessToken, MyShopDocument)).myShop?.id).toBe(shopId);
    const delegations = dataOf(await api.gqlAs(login.accessToken, MyDelegationsDocument)).myDelegations;
    expect(delegations.items).toEqual([expect.objectContaining({ id: registered.id, status: 'ACTIVE', consent: 'SHOP', paperDeclaredOn: '2026-11-30', facilitatorName: cna.name })]);
    const history = dataOf(await api.gqlAs(login.accessToken, ActionsOnMyBehalfDocument)).actionsOnMyBehalf;
    expect(history.items.map((item) => item.action)).toEqual(['help_request.created']);
    const audit = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [registered.id]);
    expect(audit.map((event: { action: string }) => event.action)).toEqual(['delegation.registered_on_paper', 'delegation.claimed']);
    // The owner can revoke the facilitator it never chose in the platform.
    expect(dataOf(await api.gqlAs(login.accessToken, RevokeDelegationDocument, { input: { delegationId: registered.id } })).revokeDelegation).toMatchObject({ status: 'REVOKED' });
  });

  it('sends the claim link again, to a corrected address: the first link stops working, the new one claims; once claimed there is nothing to resend', async () => {
    const cna = await facilitator();
    const wrong = anEmail('titolare-refuso');
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: wrong, declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const first = await linkSentTo(wrong, 'rivendica');
    const other = await facilitator();
    const stranger = await api.gqlAs(other.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id } });
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.delegationId' });
    const badAddress = await api.gqlAs(cna.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id, ownerEmail: 'non-è-un-indirizzo' } });
    expect(badAddress.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ownerEmail' })] });

    const right = anEmail('titolare');
    expect(dataOf(await api.gqlAs(cna.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id, ownerEmail: right } })).resendClaimLink).toMatchObject({
      __typename: 'Delegation',
      status: 'ACTIVE',
      consent: 'PAPER',
    });
    const second = await linkSentTo(right, 'rivendica');
    expect(second).not.toBe(first);
    const stale = await api.gql(ClaimShopDocument, { input: { link: first, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });
    expect(dataOf(await api.gql(ClaimShopDocument, { input: { link: second, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toMatchObject({ __typename: 'ClaimedShop', email: right });
    const audit = await db.query(`SELECT action, after->>'ownerEmail' AS email FROM audit_event WHERE entity_id = $1 ORDER BY id`, [registered.id]);
    expect(audit).toEqual([
      { action: 'delegation.registered_on_paper', email: wrong },
      { action: 'delegation.claim_link_resent', email: right },
      { action: 'delegation.claimed', email: null },
    ]);

    const after = dataOf(await api.gqlAs(cna.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id } })).resendClaimLink;
    expect(after).toMatchObject({ __typename: 'InvalidDelegationTransitionError', code: 'INVALID_TRANSITION', field: 'input.delegationId' });
  });

  it('a facilitator cannot stop acting for a shop registered on paper that nobody has claimed and no other facilitator acts for, and nothing is written; it can once another one does, or once the owner has claimed it', async () => {
    const cna = await facilitator();
    const onPaper = async (ownerEmail: string) =>
      member(dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail, declaredOn: '2026-12-01' } })).registerShopOnPaper, 'Delegation');
    const withdraw = async (who: Facilitator, delegationId: string) => dataOf(await api.gqlAs(who.accessToken, WithdrawDelegationDocument, { input: { delegationId } })).withdrawDelegation;
    const alone = await onPaper(anEmail('titolare'));

    expect(await withdraw(cna, alone.id)).toEqual({
      __typename: 'UnclaimedShopError',
      code: 'UNCLAIMED_SHOP',
      field: 'input.delegationId',
      message: expect.stringContaining('Hand it over to another facilitator instead (on the Desk, “Hand over to another facilitator”): it takes your place once it accepts. Or ask the owner to claim it with the link'),
      messageIt: expect.stringContaining('Oppure chiedi prima al titolare di rivendicarla con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»): potrà poi scegliere un altro facilitatore, se vuole'),
    });
    expect(await db.query(`SELECT status, ended_at FROM delegation WHERE id = $1`, [alone.id])).toEqual([{ status: 'ACTIVE', ended_at: null }]);
    expect(await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [alone.id])).toEqual([{ action: 'delegation.registered_on_paper' }]);
    expect(dataOf(await api.gqlAs(cna.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops.items.map((row) => row.delegationId)).toContain(alone.id);

    // Another organisation acting for the same unclaimed shop (no operation creates one today: the
    // Partita IVA is taken and nobody can grant it; the rule holds should one exist): the first may
    // stop, and then the other is the one nobody would replace.
    const other = await facilitator();
    const [second]: { id: string }[] = await db.query(
      `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now()) RETURNING id`,
      [other.facilitatorId, alone.shopId],
    );
    expect(await withdraw(cna, alone.id)).toMatchObject({ __typename: 'Delegation', id: alone.id, status: 'WITHDRAWN' });
    expect(await withdraw(other, second.id)).toMatchObject({ __typename: 'UnclaimedShopError', code: 'UNCLAIMED_SHOP' });

    // Claimed: its owner acts for it, and is told the facilitator stopped.
    const ownerEmail = anEmail('titolare');
    const claimable = await onPaper(ownerEmail);
    const claimed = dataOf(await api.gql(ClaimShopDocument, { input: { link: await linkSentTo(ownerEmail, 'rivendica'), password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop;
    expect(claimed).toMatchObject({ __typename: 'ClaimedShop', shopId: claimable.shopId });
    expect(await withdraw(cna, claimable.id)).toMatchObject({ __typename: 'Delegation', id: claimable.id, status: 'WITHDRAWN' });
    expect(await db.query(`SELECT n.kind FROM notification n JOIN user_account u ON u.id = n.user_id WHERE u.email = $1`, [ownerEmail])).toEqual([{ kind: 'DELEGATION_WITHDRAWN' }]);
  });

  it('two facilitators registering the same Partita IVA on paper at once: one shop, and the other told the number is taken', async () => {
    const [first, second] = [await facilitator(), await facilitator()];
    const shop = aShopInput();
    const answers = await Promise.all(
      [first, second].map(async (who) =>
        dataOf(await api.gqlAs(who.accessToken, RegisterShopOnPaperDocument, { input: { shop, ownerEmail: anEmail('titolare'), declaredOn: '2026-12-01' } })).registerShopOnPaper,
      ),
    );
    expect(answers.map((answer) => answer.__typename).sort()).toEqual(['Delegation', 'PartitaIvaTakenError']);
    expect(await db.query(`SELECT count(*)::int AS n FROM shop WHERE partita_iva = $1`, [shop.partitaIva])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM delegation d JOIN shop s ON s.id = d.shop_id WHERE s.partita_iva = $1`, [shop.partitaIva])).toEqual([{ n: 1 }]);
  });

  it('claiming with an e-mail that has an account asks to sign in first; signed in, the account that has no shop becomes the owner', async () => {
    const cna = await facilitator();
    const owner = await signUp(api, 'SHOP');
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: owner.email, declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const link = await linkSentTo(owner.email, 'rivendica');
    expect(dataOf(await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toMatchObject({ __typename: 'SignInFirstError', code: 'SIGN_IN_FIRST' });
    const busy = await shopIn(api, TORINO);
    expect(dataOf(await api.gqlAs(busy.accessToken, ClaimShopDocument, { input: { link } })).claimShop).toMatchObject({ __typename: 'AccountHasShopError' });
    expect(dataOf(await api.gqlAs(owner.accessToken, ClaimShopDocument, { input: { link } })).claimShop).toEqual({
      __typename: 'ClaimedShop',
      shopId: registered.shopId,
      email: owner.email,
    });
  });

  it('a shop chooses an approved facilitator, not a pending one; the facilitator may act for it at once', async () => {
    const shop = await shopIn(api, TORINO);
    const pending = await facilitator(null);
    const refused = await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: pending.facilitatorId } });
    expect(refused.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const chosen = await facilitator();
    const granted = dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } })).grantDelegation;
    expect(granted).toMatchObject({ __typename: 'Delegation', status: 'ACTIVE', consent: 'SHOP' });
    const twice = dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } })).grantDelegation;
    expect(twice).toMatchObject({ __typename: 'AlreadyDelegatedError' });
    expect((await actingFor(chosen, shop.shopId, MyShopDocument, {})).data?.myShop?.id).toBe(shop.shopId);
    // A facilitator cannot grant itself a shop, nor use the shop's delegation operations.
    const selfGrant = await actingFor(chosen, shop.shopId, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } });
    expect(selfGrant.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
