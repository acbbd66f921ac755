import { randomUUID } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DataSource } from 'typeorm';
import {
  type RegisterShopInput,
  AcceptMatchDocument,
  ActionsOnMyBehalfDocument,
  ApplyToOfferDocument,
  ClaimShopDocument,
  CreateHelpRequestDocument,
  DelegatedShopsDocument,
  DelegationLinkDocument,
  LoginDocument,
  MyDelegationsDocument,
  MyNotificationsDocument,
  MyShopDocument,
  RefreshSessionDocument,
  RegisterShopDocument,
  RegisterShopOnPaperDocument,
  ResendClaimLinkDocument,
  RevokeDelegationDocument,
  WithdrawDelegationDocument,
} from './gql/generated';
import { actingFor as actingForShop, facilitatorAccount, type Facilitator, linkSentTo as linkSentToAddress, TORINO } from './testing/delegation-fixtures';
import { anEmail, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp, type GraphQLResponse } from './testing/test-app';

/** Shops a facilitator registers on a paper consent, and their owners claiming them, over GraphQL. */
describe('Shops registered on paper by a facilitator, and claimed by their owners (GraphQL)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  const facilitator = (decision: 'APPROVED' | null = 'APPROVED'): Promise<Facilitator> => facilitatorAccount(api, staff, decision);
  const actingFor = <R, V>(who: SignedIn, shopId: string | null, document: TypedDocumentNode<R, V>, variables: V): Promise<GraphQLResponse<R>> =>
    actingForShop(api, who, shopId, document, variables);
  const linkSentTo = (email: string, path: 'delega' | 'rivendica'): Promise<string> => linkSentToAddress(db, email, path);

  it('a facilitator registers a shop on a paper consent; the owner claims it with a new account, which turns the consent into its own', async () => {
    const cna = await facilitator();
    const suffix = randomUUID().slice(0, 4);
    const ownerEmail = `bottega.bruno.${suffix}@example.it`;
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
    // A password built on the invited address is refused, and the link still works.
    const weak = await api.gql(ClaimShopDocument, { input: { link, password: `Bottega Bruno ${suffix}`, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.password', code: 'passwordWeak' })] });
    // So is one built on the shop's name, which the claim page shows.
    const named = await api.gql(ClaimShopDocument, { input: { link, password: 'Sartoria Bianchi 1970', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.password', code: 'passwordWeak' })] });
    // The owner chooses the language its e-mails are written in, as when signing up.
    const claimed = dataOf(await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION, language: 'EN' } })).claimShop;
    expect(claimed).toEqual({ __typename: 'ClaimedShop', shopId, email: ownerEmail });
    const reused = await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });

    const login = dataOf(await api.gql(LoginDocument, { input: { email: ownerEmail, password: TEST_PASSWORD } })).login;
    // The notice accepted is recorded with the account; the link proved the address.
    expect(await db.query(`SELECT a.notice_version, u.email_verified_at IS NOT NULL AS verified, u.language FROM privacy_notice_acceptance a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1`, [ownerEmail])).toEqual([
      { notice_version: PRIVACY_NOTICE_VERSION, verified: true, language: 'en' },
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
      // No contact address of its own: the owner's, as an import fills it.
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ contactEmail: wrong }), ownerEmail: wrong, declaredOn: '2026-12-01' } }))
        .registerShopOnPaper,
      'Delegation',
    );
    // The desk says where the link went and until when it works.
    const deskRow = async () => dataOf(await api.gqlAs(cna.accessToken, DelegatedShopsDocument, { first: 50 })).delegatedShops.items.find((row) => row.delegationId === registered.id);
    expect(await deskRow()).toMatchObject({ unclaimed: true, claimLinkSentTo: wrong, claimLinkExpiresAt: expect.any(String) });
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
    // The contact address that was the wrong owner's is corrected with it.
    expect(await db.query('SELECT contact_email FROM shop WHERE id = $1', [registered.shopId])).toEqual([{ contact_email: right }]);
    expect(await deskRow()).toMatchObject({ claimLinkSentTo: right });
    const stale = await api.gql(ClaimShopDocument, { input: { link: first, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });
    expect(dataOf(await api.gql(ClaimShopDocument, { input: { link: second, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toMatchObject({ __typename: 'ClaimedShop', email: right });
    const audit = await db.query(`SELECT action, after->>'ownerEmail' AS email FROM audit_event WHERE entity_id = $1 ORDER BY id`, [registered.id]);
    expect(audit).toEqual([
      { action: 'delegation.registered_on_paper', email: wrong },
      { action: 'delegation.claim_link_resent', email: right },
      { action: 'delegation.claimed', email: null },
    ]);
    // Claimed: the desk has no claim link to speak of.
    expect(await deskRow()).toMatchObject({ unclaimed: false, claimLinkSentTo: null, claimLinkExpiresAt: null });

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

  it('five registrations naming one owner address at once: one shop waits to be claimed there, the others are refused naming the field, one e-mail sent', async () => {
    const cna = await facilitator();
    const ownerEmail = anEmail('titolare');
    const shops = Array.from({ length: 5 }, () => aShopInput());
    const answers = await Promise.all(shops.map((shop) => api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop, ownerEmail, declaredOn: '2026-12-01' } })));
    const registered = answers.filter((answer) => answer.data?.registerShopOnPaper?.__typename === 'Delegation');
    expect(registered).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.errors)) {
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_HAS_SHOP_WAITING' })] });
    }
    expect(await db.query(`SELECT count(*)::int AS n FROM shop WHERE partita_iva = ANY($1)`, [shops.map((shop) => shop.partitaIva)])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'SHOP_CLAIM_INVITATION' AND recipient = $1`, [ownerEmail])).toEqual([{ n: 1 }]);
  });

  it('an owner signed in claiming two shops at once with two links gets one, and is told of the other that its account has its business', async () => {
    const cna = await facilitator();
    const owner = await signUp(api, 'SHOP');
    const register = async (ownerEmail: string): Promise<string> =>
      member(dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail, declaredOn: '2026-12-01' } })).registerShopOnPaper, 'Delegation').id;
    await register(owner.email);
    // A second shop waiting at the same address, as one registered before the platform refused it.
    const elsewhere = anEmail('altrove');
    const second = await register(elsewhere);
    const links = [await linkSentTo(owner.email, 'rivendica'), await linkSentTo(elsewhere, 'rivendica')];
    await db.query(`UPDATE delegation SET invited_email = $2 WHERE id = $1`, [second, owner.email]);
    const answers = await Promise.all(links.map(async (link) => dataOf(await api.gqlAs(owner.accessToken, ClaimShopDocument, { input: { link } })).claimShop.__typename));
    expect(answers.sort()).toEqual(['AccountHasShopError', 'ClaimedShop']);
  });

  it('an account opened at the owner’s address and never confirmed neither blocks the shop’s registration nor its claim: the owner’s link takes the address from it', async () => {
    const cna = await facilitator();
    // Someone who read the owner's address opens a provider account there, and never confirms it.
    const squatter = await signUp(api, 'PROVIDER', { verified: false });
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: squatter.email, declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const link = await linkSentTo(squatter.email, 'rivendica');
    const password = 'Il forno della nonna, dal 1962!';
    expect(dataOf(await api.gql(ClaimShopDocument, { input: { link, password, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toMatchObject({
      __typename: 'ClaimedShop',
      shopId: registered.shopId,
      email: squatter.email,
    });
    // The owner signs in with the address; the account opened there before no longer exists by it, and is disabled.
    expect(dataOf(await api.gql(LoginDocument, { input: { email: squatter.email, password } })).login.user).toMatchObject({ role: 'SHOP' });
    expect((await api.gql(LoginDocument, { input: { email: squatter.email, password: TEST_PASSWORD } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [released] = await db.query('SELECT email, disabled_at IS NOT NULL AS disabled FROM user_account WHERE id = $1', [squatter.userId]);
    expect(released).toEqual({ email: `released-${squatter.userId}@released.invalid`, disabled: true });
    // Its sessions end: neither its token nor its renewal works.
    expect((await api.gql(RefreshSessionDocument, { input: { refreshToken: squatter.refreshToken } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gqlAs(squatter.accessToken, MyShopDocument)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.query(`SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = $1`, [squatter.userId])).toEqual(expect.arrayContaining([{ action: 'user.address_released' }]));
    // A confirmed account of another role still refuses the address, as before.
    const confirmed = await signUp(api, 'PROVIDER');
    const refused = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: confirmed.email, declaredOn: '2026-12-01' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_CANNOT_CLAIM' })] });
  });

  it('an owner who signs up and registers the shop a facilitator registered for it is told to use the claim link, not to sign in to an account that does not exist', async () => {
    const cna = await facilitator();
    const shop = aShopInput();
    const owner = await signUp(api, 'SHOP');
    member(dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop, ownerEmail: owner.email, declaredOn: '2026-12-01' } })).registerShopOnPaper, 'Delegation');
    const again = dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: { ...shop, tradingName: 'Lo stesso negozio' } })).registerShop;
    expect(again).toMatchObject({ __typename: 'PartitaIvaTakenError', field: 'input.partitaIva', messageIt: expect.stringContaining('registrata da un facilitatore') });
    expect(again.__typename === 'PartitaIvaTakenError' && again.messageIt).not.toContain('Password dimenticata');
    // A number an owner's account already has keeps the usual words.
    const other = await shopIn(api, TORINO);
    const [{ partita_iva: taken }] = await db.query(`SELECT partita_iva FROM shop WHERE id = $1`, [other.shopId]);
    const second = await signUp(api, 'SHOP');
    expect(dataOf(await api.gqlAs(second.accessToken, RegisterShopDocument, { input: aShopInput({ partitaIva: taken }) })).registerShop).toMatchObject({
      __typename: 'PartitaIvaTakenError',
      messageIt: expect.stringContaining('Password dimenticata'),
    });
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
    // Another shop account holding the forwarded link takes nothing, and the link still works for its address.
    const stranger = await signUp(api, 'SHOP');
    expect(dataOf(await api.gqlAs(stranger.accessToken, ClaimShopDocument, { input: { link } })).claimShop).toMatchObject({
      __typename: 'ClaimForAnotherAddressError',
      code: 'CLAIM_FOR_ANOTHER_ADDRESS',
      field: 'input.link',
      invitedEmail: owner.email,
    });
    expect(dataOf(await api.gqlAs(stranger.accessToken, MyShopDocument)).myShop).toBeNull();
    expect(dataOf(await api.gqlAs(owner.accessToken, ClaimShopDocument, { input: { link } })).claimShop).toEqual({
      __typename: 'ClaimedShop',
      shopId: registered.shopId,
      email: owner.email,
    });
  });

  it('an owner signed in with an account it never confirmed claims the shop with the link, which confirms its address', async () => {
    const cna = await facilitator();
    const owner = await signUp(api, 'SHOP', { verified: false });
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: owner.email, declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const link = await linkSentTo(owner.email, 'rivendica');
    expect(dataOf(await api.gqlAs(owner.accessToken, ClaimShopDocument, { input: { link } })).claimShop).toEqual({ __typename: 'ClaimedShop', shopId: registered.shopId, email: owner.email });
    const [account] = await db.query('SELECT email_verified_at FROM user_account WHERE id = $1', [owner.userId]);
    expect(account.email_verified_at).not.toBeNull();
    const [audited] = await db.query(`SELECT after FROM audit_event WHERE action = 'user.email_verified' AND entity_id = $1`, [owner.userId]);
    expect(audited.after).toEqual({ email: owner.email, via: 'CLAIM_LINK' });
  });

  it('refuses an owner address no owner could claim with: an organisation’s or staff account, a disabled one, or a shop account that has its business; nothing is written or sent', async () => {
    const cna = await facilitator();
    const provider = await signUp(api, 'PROVIDER');
    const busy = await shopIn(api, TORINO);
    const disabled = await signUp(api, 'SHOP');
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [disabled.userId]);
    const free = await signUp(api, 'SHOP');
    const shopsBefore = Number((await db.query('SELECT count(*)::int AS n FROM shop'))[0].n);
    for (const address of [provider.email, staff.email, busy.email.toUpperCase(), disabled.email, cna.email]) {
      const refused = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: address, declaredOn: '2026-12-01' } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_CANNOT_CLAIM' })] });
      expect(refused.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ messageIt: expect.stringContaining('chiedi al titolare un altro indirizzo') })]);
    }
    expect(Number((await db.query('SELECT count(*)::int AS n FROM shop'))[0].n)).toBe(shopsBefore);
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'SHOP_CLAIM_INVITATION' AND lower(recipient) = ANY($1)`, [[provider.email, busy.email]]))[0].n)).toBe(0);
    // A shop account with no business yet can claim: accepted, and so is sending the link again to a corrected address, but not to an unusable one.
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: free.email, declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const resent = await api.gqlAs(cna.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id, ownerEmail: provider.email } });
    expect(resent.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_CANNOT_CLAIM' })] });
  });

  it('tells the facilitator acting for a shop nobody has claimed yet what happens to its services, naming the shop', async () => {
    const cna = await facilitator();
    const input = aShopInput({ tradingName: `Forno ${randomUUID().slice(0, 6)}`, comuneCode: TORINO });
    const registered = member(
      dataOf(await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: input, ownerEmail: anEmail('titolare'), declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const shopId = registered.shopId as string;
    const asked = await actingFor(cna, shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'Vendere online il pane del forno.' } });
    const helpRequestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider);
    const applied = await actingFor(cna, shopId, ApplyToOfferDocument, { input: { helpRequestId, offerId: offer.id, joinWaitlist: false } });
    const matchId = member(dataOf(applied).applyToOffer, 'Match').id;
    dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: matchId }));
    const notices = dataOf(await api.gqlAs(cna.accessToken, MyNotificationsDocument, { first: 20 })).myNotifications.items.filter((n) => n.matchId === matchId);
    expect(notices.map((n) => [n.kind, n.messageIt])).toEqual([['MATCH_ACCEPTED', expect.stringMatching(new RegExp(`^Per ${input.tradingName}: .+ ha accettato la tua richiesta`))]]);
    expect(notices[0].message).toMatch(new RegExp(`^For ${input.tradingName}: `));
  });

  it('names the shop’s own fields when its comune, its sector or its point is refused', async () => {
    const cna = await facilitator();
    const refusedFields = async (shop: Partial<RegisterShopInput>): Promise<string[]> => {
      const response = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(shop), ownerEmail: anEmail('titolare'), declaredOn: '2026-12-01' } });
      if (response.errors) return (response.errors[0].extensions.fields as { field: string }[]).map((f) => f.field);
      return [(response.data?.registerShopOnPaper as { field?: string }).field ?? 'accepted'];
    };
    expect(await refusedFields({ comuneCode: '999999' })).toEqual(['input.shop.comuneCode']);
    expect(await refusedFields({ atecoSection: 'G', atecoDivision: '10' })).toEqual(['input.shop.atecoDivision']);
    expect(await refusedFields({ latitude: 45.07 })).toEqual(['input.shop.longitude']);
    // A declaration three years old: a typing slip, or a consent to sign again; nothing is written.
    const old = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: anEmail('titolare'), declaredOn: '2023-12-01' } });
    expect(old.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.declaredOn', code: 'DECLARED_TOO_LONG_AGO' })] });
    // Palermo's point, for a shop in Torino.
    expect(await refusedFields({ latitude: 38.1, longitude: 13.36 })).toEqual(['input.shop.latitude', 'input.shop.longitude']);
  });
});
