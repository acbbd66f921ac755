import { DataSource } from 'typeorm';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AcceptMatchDocument,
  ActionsOnMyBehalfDocument,
  AnswerDelegationInvitationDocument,
  ApplyToOfferDocument,
  AuditTrailDocument,
  ConfirmMatchActiveDocument,
  CreateHelpRequestBundleDocument,
  CreateHelpRequestDocument,
  DecideFacilitatorDocument,
  DelegatedShopsDocument,
  DelegationLinkDocument,
  GrantDelegationDocument,
  InviteShopDocument,
  WithdrawMatchDocument,
  ApplyToOfferAgainDocument,
  OfferRecommendationsDocument,
  MatchStepsByDocument,
  MatchByIdDocument,
  MonitoringByFacilitatorDocument,
  MyHelpRequestsDocument,
  MyNotificationsDocument,
  MyMatchesDocument,
  MyShopDocument,
  RevokeDelegationDocument,
  UnreadNotificationCountDocument,
  ShopByIdDocument,
  ShopsThroughIntermediariesDocument,
  UpdateMyLanguageDocument,
  UpdateShopDocument,
} from './gql/generated';
import { staffUser, type SignedIn } from './testing/fixtures';
import { notificationKinds } from './testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { actingFor as actingForShop, delegatedShop as delegatedShopOf, facilitatorAccount, type Facilitator, linkSentTo as linkSentToAddress, TORINO } from './testing/delegation-fixtures';
import { dataOf, member, startTestApp, TestApp, type GraphQLResponse } from './testing/test-app';

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

  const facilitator = (decision: 'APPROVED' | null = 'APPROVED'): Promise<Facilitator> => facilitatorAccount(api, staff, decision);
  const actingFor = <R, V>(who: SignedIn, shopId: string | null, document: TypedDocumentNode<R, V>, variables: V): Promise<GraphQLResponse<R>> =>
    actingForShop(api, who, shopId, document, variables);
  const linkSentTo = (email: string, path: 'delega' | 'rivendica'): Promise<string> => linkSentToAddress(db, email, path);
  const delegatedShop = (by: Facilitator) => delegatedShopOf(api, db, by);

  it('a shop accepts an e-mailed invitation; the facilitator then updates its profile, asks, applies and confirms for it, each action audited on its behalf and shown to the shop', async () => {
    const ascom = await facilitator();
    const shop = await shopIn(api, TORINO);
    const invited = member(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: shop.email } })).inviteShop, 'Delegation');
    const link = await linkSentTo(shop.email, 'delega');
    expect(dataOf(await api.gql(DelegationLinkDocument, { link })).delegationLink).toMatchObject({ purpose: 'INVITATION', facilitatorName: ascom.name, facilitatorApproved: true, email: shop.email });
    const accepted = dataOf(await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } })).answerDelegationInvitation;
    expect(accepted).toMatchObject({ __typename: 'Delegation', id: invited.id, status: 'ACTIVE', consent: 'SHOP', shopId: shop.shopId, facilitatorName: ascom.name, scope: ['PROFILE', 'REQUESTS', 'APPLY', 'CONFIRM'] });
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
    // Staff read the same in the audit trail: what was done in words, and in which shop's name.
    const [{ trading_name: tradingName, legal_name: legalName }] = await db.query('SELECT trading_name, legal_name FROM shop WHERE id = $1', [shop.shopId]);
    const trail = dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter: { entityType: 'match', entityId: matchId }, first: 10 })).auditEvents.items;
    expect(trail.find((event) => event.action === 'match.applied')).toMatchObject({
      description: 'Shop applied to an offer',
      descriptionIt: 'Candidatura a un’offerta',
      onBehalfOfShopId: shop.shopId,
      onBehalfOfShopName: tradingName ?? legalName,
    });
    expect(trail.find((event) => event.action === 'match.accepted')).toMatchObject({ descriptionIt: 'Il fornitore ha accettato l’attività', onBehalfOfShopId: null, onBehalfOfShopName: null });
    const transitions = await db.query(`SELECT to_state, actor_user_id, actor_role FROM match_transition WHERE match_id = $1 ORDER BY id`, [matchId]);
    expect(transitions).toEqual([
      { to_state: 'PENDING', actor_user_id: ascom.userId, actor_role: 'FACILITATOR' },
      { to_state: 'ACCEPTED', actor_user_id: provider.userId, actor_role: 'PROVIDER' },
      { to_state: 'ACTIVE', actor_user_id: ascom.userId, actor_role: 'FACILITATOR' },
    ]);
    // The service's history names the organisation that took the shop's steps, to the shop and to its provider.
    const steps = [
      { toState: 'PENDING', actorRole: 'FACILITATOR', actorOrganisation: ascom.name },
      { toState: 'ACCEPTED', actorRole: 'PROVIDER', actorOrganisation: null },
      { toState: 'ACTIVE', actorRole: 'FACILITATOR', actorOrganisation: ascom.name },
    ];
    expect(dataOf(await api.gqlAs(shop.accessToken, MatchStepsByDocument, { id: matchId })).match.transitions).toEqual(steps);
    expect(dataOf(await api.gqlAs(provider.accessToken, MatchStepsByDocument, { id: matchId })).match.transitions).toEqual(steps);

    const bundle = member(
      dataOf(await actingFor(ascom, shop.shopId, CreateHelpRequestBundleDocument, { input: { categories: ['WEBSITE', 'CYBERSECURITY'] } })).createHelpRequestBundle,
      'HelpRequestBundle',
    );

    // The shop reads who did what, and on which request, service or bundle.
    const history = dataOf(await api.gqlAs(shop.accessToken, ActionsOnMyBehalfDocument)).actionsOnMyBehalf;
    expect(history.items.map((item) => item.action)).toEqual(['help_request.created', 'help_request.created', 'help_request_bundle.created', 'match.active', 'match.applied', 'help_request.created', 'shop.updated']);
    expect(history.items.every((item) => item.facilitatorName === ascom.name)).toBe(true);
    const noSubject = { helpRequestId: null, requestCategory: null, requestDescription: null, matchId: null, offerTitle: null, providerName: null, bundleId: null, bundleCategories: null };
    const [{ name: providerName }] = await db.query(`SELECT name FROM provider WHERE id = $1`, [provider.providerId]);
    const service = { ...noSubject, helpRequestId: requestId, requestCategory: 'ONLINE_STORE', requestDescription: 'Vendere online i prodotti del negozio.', matchId, offerTitle: offer.title, providerName };
    expect(history.items.slice(2)).toEqual([
      expect.objectContaining({ descriptionIt: 'ha chiesto un pacchetto di servizi', description: 'asked for a bundle of services', subject: { ...noSubject, bundleId: bundle.id, bundleCategories: ['WEBSITE', 'CYBERSECURITY'] } }),
      expect.objectContaining({ descriptionIt: 'ha confermato che un servizio è attivo', subject: service }),
      expect.objectContaining({ descriptionIt: 'si è candidata a un’offerta', subject: service }),
      expect.objectContaining({ descriptionIt: 'ha chiesto un servizio', subject: { ...noSubject, helpRequestId: requestId, requestCategory: 'ONLINE_STORE', requestDescription: 'Vendere online i prodotti del negozio.' } }),
      expect.objectContaining({ descriptionIt: 'ha modificato il profilo della tua attività', subject: null }),
    ]);
    expect(history.items.slice(0, 2).map((item) => item.subject?.requestCategory).sort()).toEqual(['CYBERSECURITY', 'WEBSITE']);
    expect((await notificationKinds(api, shop)).filter((kind) => kind === 'ACTED_ON_BEHALF')).toHaveLength(5);
    // The bundle's notification names it in words, not by the audit's code.
    const notices = dataOf(await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.filter((n) => n.kind === 'ACTED_ON_BEHALF');
    expect(notices.map((n) => n.messageIt)).toContain(`${ascom.name} ha chiesto un pacchetto di servizi per tuo conto`);
    expect(notices.every((n) => !n.messageIt.includes('«'))).toBe(true);
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

  it('lets only the invited address answer an invitation: another shop holding the forwarded link neither takes it nor turns it down', async () => {
    const ascom = await facilitator();
    const invitedShop = await shopIn(api, TORINO);
    const otherShop = await shopIn(api, TORINO);
    const invited = member(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: invitedShop.email } })).inviteShop, 'Delegation');
    const link = await linkSentTo(invitedShop.email, 'delega');
    for (const accept of [true, false]) {
      const answer = dataOf(await api.gqlAs(otherShop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept } })).answerDelegationInvitation;
      expect(answer).toMatchObject({ __typename: 'InvitationForAnotherAddressError', code: 'INVITATION_FOR_ANOTHER_ADDRESS', field: 'input.link' });
      expect((answer as { message: string }).message).toContain(invitedShop.email);
    }
    const [row] = await db.query('SELECT status, shop_id, link_used_at FROM delegation WHERE id = $1', [invited.id]);
    expect(row).toEqual({ status: 'INVITED', shop_id: null, link_used_at: null });
    const accepted = dataOf(await api.gqlAs(invitedShop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } })).answerDelegationInvitation;
    expect(accepted).toMatchObject({ __typename: 'Delegation', status: 'ACTIVE', shopId: invitedShop.shopId });

    // A shop that makes the invited address its contact, to answer a forwarded link, is refused as well:
    // only the address an account confirmed counts, not one a shop typed.
    const contactShop = await shopIn(api, TORINO);
    const contact = `contatti-${contactShop.shopId.slice(0, 8)}@bottega.example.it`;
    member(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: contact } })).inviteShop, 'Delegation');
    const contactLink = await linkSentTo(contact, 'delega');
    expect(dataOf(await api.gqlAs(contactShop.accessToken, UpdateShopDocument, { input: { contactEmail: contact.toUpperCase() } })).updateShop).toBeTruthy();
    const byContact = dataOf(await api.gqlAs(contactShop.accessToken, AnswerDelegationInvitationDocument, { input: { link: contactLink, accept: true } })).answerDelegationInvitation;
    expect(byContact).toMatchObject({ __typename: 'InvitationForAnotherAddressError' });

    // Invited again, by its sign-in or its contact address, a shop the organisation acts for is refused at once, sending nothing.
    const ownContact = `contatti-${invitedShop.shopId.slice(0, 8)}@bottega.example.it`;
    expect(dataOf(await api.gqlAs(invitedShop.accessToken, UpdateShopDocument, { input: { contactEmail: ownContact } })).updateShop).toBeTruthy();
    for (const again of [invitedShop.email, ownContact.toUpperCase()]) {
      const refused = dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: again } })).inviteShop;
      expect(refused).toMatchObject({ __typename: 'AlreadyDelegatedError', code: 'ALREADY_DELEGATED', field: 'input.email' });
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'DELEGATION_INVITATION' AND lower(recipient) IN (lower($1), lower($2))`, [invitedShop.email, ownContact]);
    expect(n).toBe(1);
  });

  it('refuses the very next call after the shop revokes, and writes nothing for it', async () => {
    const ascom = await facilitator();
    const shop = await delegatedShop(ascom);
    expect((await actingFor(ascom, shop.shopId, MyShopDocument, {})).data?.myShop?.id).toBe(shop.shopId);
    const revoked = dataOf(await api.gqlAs(shop.accessToken, RevokeDelegationDocument, { input: { delegationId: shop.delegationId } })).revokeDelegation;
    expect(revoked).toMatchObject({ __typename: 'Delegation', status: 'REVOKED' });
    const refused = await actingFor(ascom, shop.shopId, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Un sito per il negozio, per favore.' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SHOP_NOT_FOUND', field: 'X-On-Behalf-Of-Shop' });
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
      // An invitation it sent before says so: it cannot be accepted while the organisation is suspended.
      const pendingShop = await shopIn(api, TORINO);
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: suspended.facilitatorId, decision: 'APPROVED' } });
      await api.gqlAs(suspended.accessToken, InviteShopDocument, { input: { email: pendingShop.email } });
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: suspended.facilitatorId, decision: 'SUSPENDED', reason: 'Nuove segnalazioni da verificare' } });
      const pendingLink = await linkSentTo(pendingShop.email, 'delega');
      expect(dataOf(await api.gql(DelegationLinkDocument, { link: pendingLink })).delegationLink).toMatchObject({ facilitatorApproved: false });
      // The shop is told, and told again when the organisation is reinstated.
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: suspended.facilitatorId, decision: 'APPROVED' } });
      const notices = dataOf(await api.gqlAs(theirs.accessToken, MyNotificationsDocument, { first: 10 })).myNotifications.items.filter((n) => n.kind === 'FACILITATOR_STANDING');
      const reinstated = `Il Ministero ha riammesso ${suspended.name}: può di nuovo operare per la tua attività`;
      const suspendedNotice = `Il Ministero ha sospeso ${suspended.name}: finché non viene riammesso non può operare per la tua attività; il tuo consenso resta, e puoi revocarlo`;
      expect(notices.map((n) => n.messageIt)).toEqual([reinstated, suspendedNotice, reinstated, suspendedNotice]);
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

  it('an offer a facilitator gave up for the shop counts as the shop’s refusal: listed apart, not offered again unless asked', async () => {
    const ascom = await facilitator();
    const shop = await shopIn(api, TORINO);
    member(dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: ascom.facilitatorId } })).grantDelegation, 'Delegation');
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider);
    const asked = await actingFor(ascom, shop.shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'Vendere online i prodotti del negozio.' } });
    const helpRequestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    const matchId = member(dataOf(await actingFor(ascom, shop.shopId, ApplyToOfferDocument, { input: { helpRequestId, offerId: offer.id, joinWaitlist: false } })).applyToOffer, 'Match').id;
    expect((await actingFor(ascom, shop.shopId, WithdrawMatchDocument, { input: { id: matchId, reason: 'Il negozio ha cambiato idea.' } })).errors).toBeUndefined();

    const recommendations = dataOf(await api.gqlAs(shop.accessToken, OfferRecommendationsDocument, { id: helpRequestId })).offerRecommendations;
    expect(recommendations.refused.map((r) => [r.ranked.offer.id, r.endedAs])).toEqual([[offer.id, 'WITHDRAWN']]);
    expect(recommendations.eligible.map((r) => r.offer.id)).not.toContain(offer.id);
    expect(dataOf(await api.gqlAs(shop.accessToken, ApplyToOfferAgainDocument, { input: { helpRequestId, offerId: offer.id } })).applyToOffer).toEqual({ __typename: 'PreviouslyRefusedError', endedAs: 'WITHDRAWN' });
  });

  it('a shop that chooses an organisation whose invitation waits at its address answers that invitation: it becomes the delegation, its link spent', async () => {
    const ascom = await facilitator();
    const shop = await shopIn(api, TORINO);
    const invited = member(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: shop.email } })).inviteShop, 'Delegation');
    const link = await linkSentTo(shop.email, 'delega');
    const granted = member(dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: ascom.facilitatorId } })).grantDelegation, 'Delegation');
    expect(granted).toMatchObject({ id: invited.id, status: 'ACTIVE', consent: 'SHOP', shopId: shop.shopId });
    const rows: { status: string }[] = await db.query('SELECT status FROM delegation WHERE facilitator_id = $1', [ascom.facilitatorId]);
    expect(rows).toEqual([{ status: 'ACTIVE' }]);
    const answered = await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } });
    expect(answered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });
    // Inviting the shop again is told it already acts for it, not to wait for an answer.
    expect(dataOf(await api.gqlAs(ascom.accessToken, InviteShopDocument, { input: { email: shop.email } })).inviteShop).toMatchObject({ __typename: 'AlreadyDelegatedError' });
  });

  it('marks on the desk a shop whose owner an administrator disabled, for which the facilitator may not act, until it is enabled again', async () => {
    const shop = await shopIn(api, TORINO);
    const chosen = await facilitator();
    member(dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } })).grantDelegation, 'Delegation');
    const row = async () => dataOf(await api.gqlAs(chosen.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops.items.find((r) => r.shopId === shop.shopId);
    expect(await row()).toMatchObject({ ownerDisabled: false });
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [shop.userId]);
    expect(await row()).toMatchObject({ ownerDisabled: true });
    expect((await actingFor(chosen, shop.shopId, MyShopDocument, {})).errors?.[0].extensions.code).toBe('NOT_FOUND');
    await db.query('UPDATE user_account SET disabled_at = NULL WHERE id = $1', [shop.userId]);
    expect(await row()).toMatchObject({ ownerDisabled: false });
    expect((await actingFor(chosen, shop.shopId, MyShopDocument, {})).data?.myShop?.id).toBe(shop.shopId);
  });

  it('limits the delegations a shop grants in an hour, so that granting and revoking in a loop cannot flood an organisation with notices; revoking stays free', async () => {
    const shop = await shopIn(api, TORINO);
    const chosen = await facilitator();
    const unread = async (): Promise<number> => dataOf(await api.gqlAs(chosen.accessToken, UnreadNotificationCountDocument, {})).unreadNotificationCount;
    const before = await unread();
    // THROTTLE_DELEGATION_GRANTS_PER_SHOP: 10 by default.
    for (let i = 0; i < 10; i++) {
      const granted = dataOf(await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } })).grantDelegation;
      if (granted.__typename !== 'Delegation') throw new Error(`grant ${i}: ${granted.__typename}`);
      expect(dataOf(await api.gqlAs(shop.accessToken, RevokeDelegationDocument, { input: { delegationId: granted.id } })).revokeDelegation).toMatchObject({ status: 'REVOKED' });
    }
    const refused = await api.gqlAs(shop.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'DELEGATION_LIMIT', retryAfter: expect.any(Number) });
    expect(refused.errors?.[0].extensions.messageIt).toMatch(/^La tua attività ha concesso tutte le deleghe consentite in un’ora\. Riprova tra /);
    expect(await unread()).toBe(before + 20);
    // Another shop is not held back.
    const other = await shopIn(api, TORINO);
    expect(dataOf(await api.gqlAs(other.accessToken, GrantDelegationDocument, { input: { facilitatorId: chosen.facilitatorId } })).grantDelegation).toMatchObject({ status: 'ACTIVE' });
  });
});
