import { PRIVACY_NOTICE_VERSION, UserRole } from '@vec/core';
import { DataSource } from 'typeorm';
import {
  AnswerDelegationInvitationDocument,
  ClaimShopDocument,
  CreateHelpRequestDocument,
  DecideFacilitatorDocument,
  DeleteMyAccountDocument,
  FacilitatorsDocument,
  GrantDelegationDocument,
  InviteShopDocument,
  LoginDocument,
  MeDocument,
  MyDelegationsDocument,
  MyErasureBlockersDocument,
  MyNotificationsDocument,
  RegisterFacilitatorDocument,
  RegisterShopDocument,
  RegisterShopOnPaperDocument,
  RetentionReportDocument,
  UpdateShopDocument,
  VerifyFacilitatorDocument,
} from './gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { facilitatorAccount, linkSentTo as linkSentToAddress } from './testing/delegation-fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('Personal data over HTTP: export, erasure, retention report', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('downloads the signed-in person’s data as a JSON file, and only with a bearer token', async () => {
    const shop = await signUp(api, 'SHOP');
    dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: 'Forno della Piazza' }) }));
    const response = await api.http().get('/personal-data/mine.json').set('authorization', `Bearer ${shop.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="vicini-e-connessi-dati-personali-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const document = JSON.parse(response.text);
    expect(document.account).toMatchObject({ id: shop.userId, email: shop.email });
    expect(document.shop).toMatchObject({ tradingName: 'Forno della Piazza' });
    expect(document.summary.it).toMatch(/^Tutti i dati/);
    const unauthenticated = await api.http().get('/personal-data/mine.json');
    expect(unauthenticated.status).toBe(401);
  });

  it('lets staff export an account with a reason, refuses without one, and refuses shops', async () => {
    const shop = await signUp(api, 'SHOP');
    const staff = await staffUser(api, UserRole.MINISTRY);
    const url = `/personal-data/accounts/${shop.userId}.json`;
    const missing = await api.http().get(url).set('authorization', `Bearer ${staff.accessToken}`);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await api.http().get(`${url}?reason=Richiesta%20PEC%20123`).set('authorization', `Bearer ${shop.accessToken}`)).status).toBe(403);
    const done = await api.http().get(`${url}?reason=Richiesta%20PEC%20123`).set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).account).toMatchObject({ id: shop.userId });
  });

  it('deletes an account confirmed by its password once nothing is live, and its session ends at once', async () => {
    const shop = await signUp(api, 'SHOP');
    dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput() }));
    const request = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Ci serve un sito' } });
    expect(request.errors).toBeUndefined();
    const blocked = member(dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount, 'AccountErasureRefusedError');
    expect(blocked.blockers).toEqual([{ kind: 'OPEN_REQUESTS', count: 1, messageIt: '1 richiesta è ancora aperta: ritirala prima (Le mie richieste)' }]);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toHaveLength(1);
    await db.query(`UPDATE help_request SET status = 'CANCELLED', cancelled_at = now() WHERE shop_id = (SELECT id FROM shop WHERE owner_user_id = $1)`, [shop.userId]);

    const wrong = dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: 'non-è-questa-la-password' } })).deleteMyAccount;
    expect(wrong).toEqual({ __typename: 'WrongPasswordError', code: 'WRONG_PASSWORD', field: 'input.password' });
    const erased = dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount;
    expect(erased.__typename).toBe('AccountErased');
    const after = await api.gqlAs(shop.accessToken, MeDocument, {});
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('once a shop’s owner erased the account, its provider keeps the past service and no longer any way to reach the shop', async () => {
    const staffMember = await staffUser(api);
    const shop = await shopIn(api, '001272');
    const provider = await approvedProvider(api, staffMember);
    const offer = await publishedOffer(api, provider);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);
    for (const [who, step] of [
      [provider, 'acceptMatch'],
      [shop, 'confirmMatchActive'],
      [shop, 'completeMatch'],
    ] as const) {
      expect((await api.gqlRaw(`mutation($id: ID!) { ${step}(id: $id) { __typename } }`, { variables: { id: match.id }, accessToken: who.accessToken })).errors).toBeUndefined();
    }
    const contacts = async () => (await api.gqlRaw('query($id: ID!) { match(id: $id) { shop { contactsAvailable contactEmail contactPhone } } }', { variables: { id: match.id }, accessToken: provider.accessToken })).data;
    expect(await contacts()).toEqual({ match: { shop: expect.objectContaining({ contactsAvailable: true, contactEmail: expect.stringContaining('@') }) } });

    expect(dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount.__typename).toBe('AccountErased');
    expect(await contacts()).toEqual({ match: { shop: { contactsAvailable: false, contactEmail: null, contactPhone: null } } });
  });

  it('takes every name a shop went by out of its facilitator’s notices when its owner erases the account', async () => {
    const staffMember = await staffUser(api);
    const chamber = await facilitatorAccount(api, staffMember);
    const shop = await shopIn(api, '001272');
    const firstName = `Bottega Prima ${shop.userId.slice(0, 6)}`;
    await api.gqlAs(shop.accessToken, UpdateShopDocument, { input: { tradingName: firstName } });
    member(dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chamber.facilitatorId } })).grantDelegation, 'Delegation');
    await api.gqlAs(shop.accessToken, UpdateShopDocument, { input: { tradingName: `Bottega Nuova ${shop.userId.slice(0, 6)}` } });
    const notices = async () => JSON.stringify(dataOf(await api.gqlAs(chamber.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items);
    expect(await notices()).toContain(firstName);

    expect(dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount.__typename).toBe('AccountErased');
    expect(await notices()).not.toContain('Bottega');
  });

  describe('a facilitator deleting its account', () => {
    let staff: SignedIn;
    beforeAll(async () => {
      staff = await staffUser(api);
    });

    async function approvedFacilitator(): Promise<SignedIn & { facilitatorId: string; name: string }> {
      const owner = await signUp(api, 'FACILITATOR');
      const name = `Camera di commercio ${owner.userId.slice(0, 6)}`;
      const facilitatorId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) })).registerFacilitator, 'Facilitator').id;
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
      return { ...owner, facilitatorId, name };
    }

    /** A shop in Torino that chose the facilitator itself. */
    async function shopDelegatingTo(facilitatorId: string): Promise<SignedIn & { shopId: string; delegationId: string }> {
      const shop = await shopIn(api, '001272');
      const granted = member(dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId } })).grantDelegation, 'Delegation');
      return { ...shop, delegationId: granted.id };
    }

    const linkSentTo = (email: string, path: 'delega' | 'rivendica'): Promise<string> => linkSentToAddress(db, email, path);

    const deleteAccount = async (who: SignedIn) => dataOf(await api.gqlAs(who.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount;
    const statusOf = async (delegationId: string): Promise<string> => (await db.query(`SELECT status FROM delegation WHERE id = $1`, [delegationId]))[0].status;

    it('is refused while a shop it registered on paper has no owner; once the owner claims it, the erasure ends every delegation and invitation, each shop told, and the organisation stops', async () => {
      const chamber = await approvedFacilitator();
      const chosen = await shopDelegatingTo(chamber.facilitatorId);
      const ownerEmail = anEmail('titolare');
      const paper = member(
        dataOf(await api.gqlAs(chamber.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail, declaredOn: '2026-11-30' } })).registerShopOnPaper,
        'Delegation',
      );
      const invitedEmail = anEmail('invitato');
      const invitation = member(dataOf(await api.gqlAs(chamber.accessToken, InviteShopDocument, { input: { email: invitedEmail } })).inviteShop, 'Delegation');

      const blockers = [
        {
          kind: 'UNCLAIMED_SHOPS',
          count: 1,
          messageIt:
            '1 attività che hai registrato su carta non ha ancora l’account del titolare e nessun altro opererebbe per lei: passala prima a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore») oppure chiedi al titolare di rivendicarla con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»); se registrarla è stato un errore, annulla la registrazione (sulla Scrivania, «Annulla la registrazione»)',
        },
      ];
      expect(dataOf(await api.gqlAs(chamber.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toEqual([expect.objectContaining(blockers[0])]);
      expect(member(await deleteAccount(chamber), 'AccountErasureRefusedError').blockers).toEqual(blockers);
      // Refused: nothing changed.
      expect([await statusOf(chosen.delegationId), await statusOf(paper.id), await statusOf(invitation.id)]).toEqual(['ACTIVE', 'ACTIVE', 'INVITED']);
      expect(await db.query(`SELECT verification_status FROM facilitator WHERE id = $1`, [chamber.facilitatorId])).toEqual([{ verification_status: 'APPROVED' }]);

      // The owner takes the shop over: it is no longer the facilitator's alone to look after.
      const claimLink = await linkSentTo(ownerEmail, 'rivendica');
      const inviteLink = await linkSentTo(invitedEmail, 'delega');
      expect(dataOf(await api.gql(ClaimShopDocument, { input: { link: claimLink, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toMatchObject({
        __typename: 'ClaimedShop',
      });
      const owner = dataOf(await api.gql(LoginDocument, { input: { email: ownerEmail, password: TEST_PASSWORD } })).login;
      expect(dataOf(await api.gqlAs(chamber.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toEqual([]);

      expect((await deleteAccount(chamber)).__typename).toBe('AccountErased');

      // Every live delegation ended, withdrawn by the organisation with the erasure as the reason, in the audit trail.
      expect([await statusOf(chosen.delegationId), await statusOf(paper.id), await statusOf(invitation.id)]).toEqual(['WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN']);
      const ended = await db.query(`SELECT entity_id, actor_user_id, after FROM audit_event WHERE action = 'delegation.withdrawn' AND entity_id = ANY($1) ORDER BY entity_id`, [
        [chosen.delegationId, paper.id, invitation.id],
      ]);
      expect(ended).toHaveLength(3);
      for (const event of ended) expect(event).toMatchObject({ actor_user_id: chamber.userId, after: { status: 'WITHDRAWN', facilitatorId: chamber.facilitatorId, reason: 'ACCOUNT_ERASED' } });
      // Each shop sees it ended, and is told why, by the organisation's name.
      for (const shop of [chosen, { accessToken: owner.accessToken }]) {
        const mine = dataOf(await api.gqlAs(shop.accessToken, MyDelegationsDocument)).myDelegations.items;
        expect(mine).toEqual([expect.objectContaining({ facilitatorId: chamber.facilitatorId, status: 'WITHDRAWN' })]);
        const told = dataOf(await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.filter((n) => n.kind === 'DELEGATION_WITHDRAWN');
        expect(told.map((n) => n.messageIt)).toEqual([
          `${chamber.name} ha chiuso il suo account sulla piattaforma e non opera più per la tua attività: puoi sceglierne un altro (Facilitatori)`,
        ]);
      }
      // The invitation's link no longer works.
      const invited = await shopIn(api, '001272');
      const answer = await api.gqlAs(invited.accessToken, AnswerDelegationInvitationDocument, { input: { link: inviteLink, accept: true } });
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });

      // The organisation stays on record, suspended: shops no longer find or choose it, and staff decide nothing more on it.
      expect(await db.query(`SELECT name, verification_status FROM facilitator WHERE id = $1`, [chamber.facilitatorId])).toEqual([{ name: chamber.name, verification_status: 'SUSPENDED' }]);
      const listed = dataOf(await api.gqlAs(invited.accessToken, FacilitatorsDocument, { filter: { search: chamber.name }, first: 100 })).facilitators.items.map((f) => f.id);
      expect(listed).not.toContain(chamber.facilitatorId);
      expect((await api.gqlAs(invited.accessToken, GrantDelegationDocument, { input: { facilitatorId: chamber.facilitatorId } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const reinstated = dataOf(await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: chamber.facilitatorId, decision: 'APPROVED' } })).verifyFacilitator;
      expect(reinstated).toMatchObject({ __typename: 'OwnerErasedError', code: 'OWNER_ERASED', field: 'input.facilitatorId' });
      expect((await api.gqlAs(chamber.accessToken, MeDocument, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('with only delegations, is erased at once, and every delegation ends', async () => {
      const association = await approvedFacilitator();
      const shops = [await shopDelegatingTo(association.facilitatorId), await shopDelegatingTo(association.facilitatorId)];
      expect(dataOf(await api.gqlAs(association.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toEqual([]);

      expect((await deleteAccount(association)).__typename).toBe('AccountErased');

      for (const shop of shops) {
        expect(dataOf(await api.gqlAs(shop.accessToken, MyDelegationsDocument)).myDelegations.items).toEqual([
          expect.objectContaining({ id: shop.delegationId, status: 'WITHDRAWN' }),
        ]);
      }
      expect(await db.query(`SELECT u.email, f.verification_status FROM facilitator f JOIN user_account u ON u.id = f.owner_user_id WHERE f.id = $1`, [association.facilitatorId])).toEqual([
        { email: `erased-${association.userId}@erased.invalid`, verification_status: 'SUSPENDED' },
      ]);
    });
  });

  it('shows staff the retention periods and what has expired, and no one else', async () => {
    const staff = await staffUser(api, UserRole.ADMIN);
    const report = dataOf(await api.gqlAs(staff.accessToken, RetentionReportDocument, {})).retentionReport;
    expect(report.lines.map((line) => [line.kind, line.variable, line.days, line.action])).toEqual([
      ['CLOSED_REQUESTS', 'RETENTION_CLOSED_REQUEST_DAYS', 730, 'PSEUDONYMISE'],
      ['NOTIFICATIONS', 'RETENTION_NOTIFICATION_DAYS', 365, 'DELETE'],
      ['SESSIONS', 'RETENTION_SESSION_DAYS', 90, 'DELETE'],
      ['MAIL', 'RETENTION_MAIL_DAYS', 180, 'DELETE'],
      ['IMPORTS', 'RETENTION_IMPORT_DAYS', 90, 'DELETE'],
      ['INVITATIONS', 'RETENTION_INVITATION_DAYS', 90, 'PSEUDONYMISE'],
      ['AUDIT_EVENTS', 'RETENTION_AUDIT_DAYS', 3650, 'DELETE'],
    ]);
    const shop = await signUp(api, 'SHOP');
    expect((await api.gqlAs(shop.accessToken, RetentionReportDocument, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
