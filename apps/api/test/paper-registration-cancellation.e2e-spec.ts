import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { DataSource } from 'typeorm';
import {
  ApplyToOfferDocument,
  CancelPaperRegistrationDocument,
  ClaimShopDocument,
  CreateHelpRequestDocument,
  DelegatedShopsDocument,
  OfferDelegationHandoverDocument,
  RegisterShopDocument,
  RegisterShopOnPaperDocument,
  ResendMailDocument,
  ResendClaimLinkDocument,
} from './gql/generated';
import { actingFor, facilitatorAccount, type Facilitator, linkSentTo } from './testing/delegation-fixtures';
import { anEmail, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { approvedProvider, publishedOffer } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

/** The personal keys erasure strips from audit events (AUDIT_PERSONAL_KEYS), as the database sees them. */
const PERSONAL_KEYS = ['email', 'legalName', 'tradingName', 'address', 'contactEmail', 'contactPhone', 'latitude', 'longitude', 'description', 'reason', 'endReason', 'invitedEmail', 'ownerEmail'];

/** A facilitator undoing a shop it registered on paper by mistake, over GraphQL. */
describe('Cancelling a paper registration made by mistake (GraphQL)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  const onPaper = async (who: Facilitator, ownerEmail = anEmail('titolare'), shop = aShopInput()) => {
    const registered = member(dataOf(await api.gqlAs(who.accessToken, RegisterShopOnPaperDocument, { input: { shop, ownerEmail, declaredOn: '2026-11-30' } })).registerShopOnPaper, 'Delegation');
    return { ...registered, shopId: registered.shopId as string, partitaIva: shop.partitaIva, ownerEmail };
  };
  const cancel = async (who: SignedIn, delegationId: string, password = TEST_PASSWORD) =>
    api.gqlAs(who.accessToken, CancelPaperRegistrationDocument, { input: { delegationId, password } });
  /** What a refusal must leave as it was: the shop, its delegations, their audit trail and the e-mails. */
  const footprint = async (shopId: string) => ({
    shop: await db.query(`SELECT id, partita_iva, legal_name FROM shop WHERE id = $1`, [shopId]),
    requests: await db.query(`SELECT id, status, description FROM help_request WHERE shop_id = $1 ORDER BY id`, [shopId]),
    matches: await db.query(`SELECT id, state FROM match WHERE shop_id = $1 ORDER BY id`, [shopId]),
    handovers: await db.query(`SELECT id, status FROM delegation_handover WHERE shop_id = $1 ORDER BY id`, [shopId]),
    delegations: await db.query(`SELECT id, status, shop_id, invited_email, link_secret_hash FROM delegation WHERE shop_id = $1::uuid ORDER BY id`, [shopId]),
    audit: await db.query(
      `SELECT id, before, after FROM audit_event WHERE entity_id = $1::text OR entity_id IN (SELECT id::text FROM delegation WHERE shop_id = $1::uuid) OR on_behalf_of_shop_id = $1::uuid ORDER BY id`,
      [shopId],
    ),
    mails: await db.query(`SELECT id FROM mail_message WHERE idempotency_key LIKE ANY (SELECT 'delegation:' || id || ':claim%' FROM delegation WHERE shop_id = $1::uuid) ORDER BY id`, [shopId]),
  });

  it('deletes the shop and what was done for it, frees its Partita IVA for the real business, strips the audit trail and names, and the claim links stop working', async () => {
    const cna = await facilitatorAccount(api, staff);
    const other = await facilitatorAccount(api, staff);
    const wrong = anEmail('titolare-refuso');
    const registered = await onPaper(cna, wrong, aShopInput({ legalName: 'Sartoria Verdi di Anna Verdi', tradingName: 'Sartoria Anna' }));
    const shopId = registered.shopId;
    const firstLink = await linkSentTo(db, wrong, 'rivendica');
    // The link sent again to a corrected address: two claim e-mails, to two addresses.
    const right = anEmail('titolare');
    member(dataOf(await api.gqlAs(cna.accessToken, ResendClaimLinkDocument, { input: { delegationId: registered.id, ownerEmail: right } })).resendClaimLink, 'Delegation');
    const secondLink = await linkSentTo(db, right, 'rivendica');
    // Done for the shop meanwhile: a request (its words in the audit trail), a handover offered (named in the other organisation's notification).
    const asked = await actingFor(api, cna, shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'La sarta Anna Verdi vuole vendere online.' } });
    const requestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    member(dataOf(await api.gqlAs(cna.accessToken, OfferDelegationHandoverDocument, { input: { delegationId: registered.id, toEmail: other.email } })).offerDelegationHandover, 'DelegationHandover');
    expect(await db.query(`SELECT params->>'shopName' AS name FROM notification WHERE user_id = $1 AND kind = 'DELEGATION_HANDOVER'`, [other.userId])).toEqual([{ name: 'Sartoria Anna' }]);
    // Registered from the organisation's file under its own code: the file's corrected row may use it again.
    await db.query(`UPDATE delegation SET external_key = $2 WHERE id = $1`, [registered.id, `NEG-${shopId.slice(0, 8)}`]);
    // Another shop of the same organisation, whose claim e-mail is not this one's.
    const kept = await onPaper(cna);

    const untouched = await footprint(shopId);
    const stranger = await cancel(other, registered.id);
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.delegationId' });
    const wrongPassword = dataOf(await cancel(cna, registered.id, 'non-è-la-password')).cancelPaperRegistration;
    expect(wrongPassword).toMatchObject({ __typename: 'WrongPasswordError', code: 'WRONG_PASSWORD', field: 'input.password' });
    expect(await footprint(shopId)).toEqual(untouched);

    const cancelled = dataOf(await cancel(cna, registered.id)).cancelPaperRegistration;
    expect(cancelled).toEqual({ __typename: 'PaperRegistrationCancelled', delegationId: registered.id, cancelledAt: expect.any(String) });

    // Nothing of the shop is left: its row, request, handover and claim e-mails.
    expect(await db.query(`SELECT count(*)::int AS n FROM shop WHERE id = $1 OR partita_iva = $2`, [shopId, registered.partitaIva])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM help_request WHERE id = $1 OR shop_id = $2`, [requestId, shopId])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM delegation_handover WHERE shop_id = $1`, [shopId])).toEqual([{ n: 0 }]);
    // An e-mail that may have reached its address today keeps only the address and the time, which the daily limit counts.
    const left: { subject: string; text: string; html: string; action_url: string | null }[] = await db.query(
      `SELECT subject, text, html, action_url FROM mail_message WHERE lower(recipient) = ANY($1)`,
      [[wrong, right]],
    );
    for (const mail of left) expect(mail).toEqual({ subject: '[dati cancellati]', text: '[dati cancellati]', html: '[dati cancellati]', action_url: null });
    expect(await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1`, [kept.ownerEmail])).toEqual([{ n: 1 }]);
    // The delegation stays as the record of who acted under which consent, with no link to the shop nor to its owner.
    expect(await db.query(`SELECT status, consent, shop_id, invited_email, link_secret_hash, external_key, ended_by_user_id FROM delegation WHERE id = $1`, [registered.id])).toEqual([
      { status: 'WITHDRAWN', consent: 'PAPER', shop_id: null, invited_email: null, link_secret_hash: null, external_key: null, ended_by_user_id: cna.userId },
    ]);
    // The audit trail keeps who did what, without the personal data; the cancellation itself names no one.
    const events: { action: string; entity_id: string; before: object | null; after: object | null; on_behalf_of_shop_id: string | null }[] = await db.query(
      `SELECT action, entity_id, before, after, on_behalf_of_shop_id FROM audit_event WHERE entity_id = ANY($1) ORDER BY id`,
      [[shopId, requestId, registered.id]],
    );
    expect(events.map((event) => event.action)).toEqual([
      'shop.registered',
      'delegation.registered_on_paper',
      'delegation.claim_link_resent',
      'help_request.created',
      'delegation.withdrawn',
      'shop.registration_cancelled',
    ]);
    for (const event of events) expect([event.action, Object.keys({ ...event.before, ...event.after }).filter((key) => PERSONAL_KEYS.includes(key) && key !== 'reason')]).toEqual([event.action, []]);
    expect(events.slice(-2).map(({ action, after, on_behalf_of_shop_id }) => ({ action, after, on_behalf_of_shop_id }))).toEqual([
      { action: 'delegation.withdrawn', after: { status: 'WITHDRAWN', shopId, facilitatorId: cna.facilitatorId, reason: 'REGISTRATION_CANCELLED' }, on_behalf_of_shop_id: null },
      { action: 'shop.registration_cancelled', after: { facilitatorId: cna.facilitatorId, reason: 'REGISTRATION_CANCELLED' }, on_behalf_of_shop_id: null },
    ]);
    expect(await db.query(`SELECT params->>'shopName' AS name FROM notification WHERE user_id = $1 AND kind = 'DELEGATION_HANDOVER'`, [other.userId])).toEqual([{ name: '[dati cancellati]' }]);
    // The desk no longer lists it; the links e-mailed before claim nothing.
    const desk = dataOf(await api.gqlAs(cna.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops.items.map((row) => row.delegationId);
    expect(desk).toEqual([kept.id]);
    for (const link of [firstLink, secondLink]) {
      const claim = await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
      expect(claim.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ code: 'LINK_INVALID' })] });
    }

    // The real business with that number registers itself.
    const owner = await signUp(api, 'SHOP');
    expect(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ partitaIva: registered.partitaIva }) })).registerShop).toMatchObject({
      __typename: 'Shop',
      partitaIva: registered.partitaIva,
    });
    // Done once: asking again finds no live registration.
    expect(dataOf(await cancel(cna, registered.id)).cancelPaperRegistration).toMatchObject({ __typename: 'InvalidDelegationTransitionError', currentStatus: 'WITHDRAWN' });
  });

  it('keeps a registration whose shop has a match, saying how many and to write to the Department; nothing is written', async () => {
    const cna = await facilitatorAccount(api, staff);
    const registered = await onPaper(cna);
    const asked = await actingFor(api, cna, registered.shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'Vendere online il pane del forno.' } });
    const helpRequestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    const offer = await publishedOffer(api, await approvedProvider(api, staff));
    member(dataOf(await actingFor(api, cna, registered.shopId, ApplyToOfferDocument, { input: { helpRequestId, offerId: offer.id, joinWaitlist: false } })).applyToOffer, 'Match');
    const before = await footprint(registered.shopId);

    expect(dataOf(await cancel(cna, registered.id)).cancelPaperRegistration).toEqual({
      __typename: 'PaperRegistrationKeptError',
      code: 'REGISTRATION_KEPT',
      field: 'input.delegationId',
      matches: 1,
      callApplications: 0,
      message: expect.stringContaining('The registration stays: the shop already has 1 service (in any state)'),
      messageIt:
        "La registrazione resta: l’attività ha già 1 servizio (in qualsiasi stato), che i controlli del programma devono conservare. I suoi dati ora si possono cancellare solo come quelli di un account: scrivi al Dipartimento dalla pagina Contatti",
    });
    expect(await footprint(registered.shopId)).toEqual(before);
  });

  it('refuses a shop its owner claimed, or one another facilitator acts for too, and writes nothing', async () => {
    const cna = await facilitatorAccount(api, staff);
    const claimable = await onPaper(cna);
    const claimed = dataOf(
      await api.gql(ClaimShopDocument, { input: { link: await linkSentTo(db, claimable.ownerEmail, 'rivendica'), password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } }),
    ).claimShop;
    expect(claimed).toMatchObject({ __typename: 'ClaimedShop', shopId: claimable.shopId });
    const claimedBefore = await footprint(claimable.shopId);
    expect(dataOf(await cancel(cna, claimable.id)).cancelPaperRegistration).toMatchObject({
      __typename: 'InvalidDelegationTransitionError',
      code: 'INVALID_TRANSITION',
      field: 'input.delegationId',
      messageIt: 'Si può annullare solo una registrazione su carta che nessuno ha ancora rivendicato, finché la tua organizzazione opera per l’attività: una volta rivendicata, l’attività è del titolare',
    });
    expect(await footprint(claimable.shopId)).toEqual(claimedBefore);

    // Another organisation acting for the same unclaimed shop (no operation creates one today; the rule holds should one exist).
    const shared = await onPaper(cna);
    const other = await facilitatorAccount(api, staff);
    await db.query(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now())`, [
      other.facilitatorId,
      shared.shopId,
    ]);
    const sharedBefore = await footprint(shared.shopId);
    expect(dataOf(await cancel(cna, shared.id)).cancelPaperRegistration).toMatchObject({
      __typename: 'InvalidDelegationTransitionError',
      currentStatus: 'ACTIVE',
      message: expect.stringContaining('Another facilitator acts for this shop too'),
    });
    expect(await footprint(shared.shopId)).toEqual(sharedBefore);
  });

  it('registering and cancelling in a loop sends an address no more claim e-mails than the day allows', async () => {
    const cna = await facilitatorAccount(api, staff);
    const victim = anEmail('vittima');
    for (let round = 0; round < 5; round++) {
      const registered = await onPaper(cna, victim);
      // Sent, as the worker would have sent it meanwhile.
      await db.query(`UPDATE mail_message SET status = 'SENT', sent_at = now(), sending_started_at = now(), message_id = '<' || id || '@vicini.test>' WHERE lower(recipient) = $1 AND status = 'QUEUED'`, [victim]);
      member(dataOf(await cancel(cna, registered.id)).cancelPaperRegistration, 'PaperRegistrationCancelled');
    }
    const refused = await api.gqlAs(cna.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: victim, declaredOn: '2026-12-01' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'CLAIMS_TO_ADDRESS_LIMIT' })] });
    // What is kept of them says nothing of the shops.
    expect(await db.query(`SELECT DISTINCT text FROM mail_message WHERE lower(recipient) = $1`, [victim])).toEqual([{ text: '[dati cancellati]' }]);
  });

  it('the copy staff sent again of a claim e-mail that failed goes with the registration', async () => {
    const cna = await facilitatorAccount(api, staff);
    const registered = await onPaper(cna, anEmail('titolare'), aShopInput({ tradingName: 'Forno Prova' }));
    const [original]: { id: string }[] = await db.query(`WITH failed AS (UPDATE mail_message SET status = 'FAILED' WHERE lower(recipient) = $1 RETURNING id) SELECT id FROM failed`, [
      registered.ownerEmail,
    ]);
    member(dataOf(await api.gqlAs(staff.accessToken, ResendMailDocument, { input: { id: original.id } })).resendMail, 'OutgoingMail');
    member(dataOf(await cancel(cna, registered.id)).cancelPaperRegistration, 'PaperRegistrationCancelled');
    const left: { text: string }[] = await db.query(`SELECT text FROM mail_message WHERE lower(recipient) = $1`, [registered.ownerEmail]);
    expect(left.filter((mail) => mail.text.includes('Forno Prova') || mail.text.includes('/rivendica'))).toEqual([]);
  });
});
