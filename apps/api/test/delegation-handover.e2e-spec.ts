import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { DataSource } from 'typeorm';
import {
  AnswerDelegationHandoverDocument,
  ClaimLinkPreviewDocument,
  ClaimShopDocument,
  DecideFacilitatorDocument,
  DelegationHandoversDocument,
  DeskPendingHandoversDocument,
  MyErasureBlockersDocument,
  MyNotificationsDocument,
  MyShopDocument,
  OfferDelegationHandoverDocument,
  RegisterFacilitatorDocument,
  RegisterShopOnPaperDocument,
  WithdrawDelegationDocument,
  WithdrawDelegationHandoverDocument,
} from './gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

interface Facilitator extends SignedIn {
  facilitatorId: string;
  name: string;
}

describe('Handing a shop registered on paper over to another facilitator, over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function facilitator(prefix: string): Promise<Facilitator> {
    const owner = await signUp(api, 'FACILITATOR');
    const name = `${prefix} ${owner.userId.slice(0, 6)}`;
    const facilitatorId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) })).registerFacilitator, 'Facilitator').id;
    await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    return { ...owner, facilitatorId, name };
  }

  async function claimLinkSentTo(email: string): Promise<string> {
    const [mail]: { text: string }[] = await db.query(`SELECT text FROM mail_message WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
    const found = /\/rivendica#([^\s]+)/.exec(mail?.text ?? '');
    if (!found) throw new Error(`no claim link was e-mailed to ${email}`);
    return found[1];
  }

  const offer = async (who: SignedIn, delegationId: string, toEmail: string) =>
    dataOf(await api.gqlAs(who.accessToken, OfferDelegationHandoverDocument, { input: { delegationId, toEmail } })).offerDelegationHandover;
  const answer = async (who: SignedIn, handoverId: string, accept: boolean) =>
    dataOf(await api.gqlAs(who.accessToken, AnswerDelegationHandoverDocument, { input: { handoverId, accept } })).answerDelegationHandover;
  const actingFor = async (who: SignedIn, shopId: string) => api.gqlHttp(MyShopDocument, {}, { authorization: `Bearer ${who.accessToken}`, 'x-on-behalf-of-shop': shopId });

  it('a facilitator stuck with a paper shop hands it to another: offered by e-mail, seen and accepted on the other desk; the owner still claims it with the same link', async () => {
    const giver = await facilitator('Confcommercio');
    const receiver = await facilitator('CNA');
    const ownerEmail = anEmail('titolare');
    const shopName = `Sartoria ${giver.userId.slice(0, 6)}`;
    const registered = member(
      dataOf(await api.gqlAs(giver.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ tradingName: shopName }), ownerEmail, declaredOn: '2026-11-30' } })).registerShopOnPaper,
      'Delegation',
    );
    const shopId = registered.shopId ?? '';
    const link = await claimLinkSentTo(ownerEmail);

    // Stopping is refused, and the refusal now points at the handover.
    const stop = dataOf(await api.gqlAs(giver.accessToken, WithdrawDelegationDocument, { input: { delegationId: registered.id } })).withdrawDelegation;
    expect(stop).toMatchObject({
      __typename: 'UnclaimedShopError',
      code: 'UNCLAIMED_SHOP',
      message: expect.stringContaining('Hand it over to another facilitator instead (on the Desk, “Hand over to another facilitator”)'),
      messageIt: expect.stringContaining('Passala invece a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore»): prenderà il tuo posto quando accetta'),
    });
    expect(dataOf(await api.gqlAs(giver.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toEqual([expect.objectContaining({ kind: 'UNCLAIMED_SHOPS', count: 1 })]);

    // Bad input is named by field; refusals say why, in both languages.
    const malformed = await api.gqlAs(giver.accessToken, OfferDelegationHandoverDocument, { input: { delegationId: registered.id, toEmail: 'non-è-un-indirizzo' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.toEmail' })] });
    expect(await offer(giver, registered.id, giver.email)).toMatchObject({ __typename: 'HandoverToSelfError', code: 'HANDOVER_TO_SELF', field: 'input.toEmail', messageIt: expect.stringContaining('della tua organizzazione') });
    expect(await offer(giver, registered.id, anEmail('nessuno'))).toMatchObject({ __typename: 'HandoverReceiverUnknownError', code: 'RECEIVER_UNKNOWN', field: 'input.toEmail' });
    // Both organisations use the form's contact address: which one is meant is not guessed.
    expect(await offer(giver, registered.id, aFacilitatorInput().contactEmail)).toMatchObject({ __typename: 'HandoverReceiverUnknownError', message: expect.stringContaining('Several facilitator organisations') });
    const shop = await signUp(api, 'SHOP');
    const asShop = await api.gqlAs(shop.accessToken, OfferDelegationHandoverDocument, { input: { delegationId: registered.id, toEmail: receiver.email } });
    expect(asShop.errors?.[0].extensions.code).toBe('FORBIDDEN');

    // Offered by the address the other organisation signs in with.
    const offered = member(await offer(giver, registered.id, receiver.email.toUpperCase()), 'DelegationHandover');
    expect(offered).toMatchObject({ status: 'PENDING', shopId, shopName, comuneName: 'Torino', paperDeclaredOn: '2026-11-30', fromFacilitatorName: giver.name, toFacilitatorName: receiver.name, shopClaimed: false });
    expect(await offer(giver, registered.id, receiver.email)).toMatchObject({ __typename: 'HandoverPendingError', code: 'HANDOVER_PENDING' });
    const desk = dataOf(await api.gqlAs(giver.accessToken, DeskPendingHandoversDocument, {})).delegatedShops.items.find((row) => row.shopId === shopId);
    expect(desk?.pendingHandover).toEqual({ id: offered.id, toFacilitatorName: receiver.name });
    const incoming = dataOf(await api.gqlAs(receiver.accessToken, DelegationHandoversDocument, { direction: 'INCOMING' })).delegationHandovers;
    expect(incoming).toMatchObject({ totalCount: 1, items: [{ id: offered.id, fromFacilitatorName: giver.name }] });
    expect(dataOf(await api.gqlAs(giver.accessToken, DelegationHandoversDocument, { direction: 'OUTGOING' })).delegationHandovers.items.map((item) => item.id)).toEqual([offered.id]);
    const told = dataOf(await api.gqlAs(receiver.accessToken, MyNotificationsDocument, { first: 10 })).myNotifications.items;
    expect(told).toContainEqual(expect.objectContaining({ kind: 'DELEGATION_HANDOVER', messageIt: `${giver.name} ti propone di passarti ${shopName}: accetta o rifiuta sulla tua Scrivania` }));

    // Nobody else can answer or withdraw it.
    const stranger = await facilitator('Confesercenti');
    const notTheirs = await api.gqlAs(stranger.accessToken, AnswerDelegationHandoverDocument, { input: { handoverId: offered.id, accept: true } });
    expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.handoverId' });
    const notTheirsEither = await api.gqlAs(receiver.accessToken, WithdrawDelegationHandoverDocument, { input: { handoverId: offered.id } });
    expect(notTheirsEither.errors?.[0].extensions.code).toBe('NOT_FOUND');

    // Accepted: the receiver acts for the shop from this request on, the giver no longer.
    expect(member(await answer(receiver, offered.id, true), 'DelegationHandover')).toMatchObject({ status: 'ACCEPTED', toDelegationId: expect.any(String) });
    expect((await actingFor(receiver, shopId)).body.data?.myShop?.id).toBe(shopId);
    expect((await actingFor(giver, shopId)).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await answer(receiver, offered.id, false)).toMatchObject({ __typename: 'HandoverNotPendingError', code: 'HANDOVER_NOT_PENDING', currentStatus: 'ACCEPTED' });
    expect(dataOf(await api.gqlAs(receiver.accessToken, DelegationHandoversDocument, { direction: 'INCOMING' })).delegationHandovers.totalCount).toBe(0);
    expect(dataOf(await api.gqlAs(giver.accessToken, MyNotificationsDocument, { first: 10 })).myNotifications.items).toContainEqual(
      expect.objectContaining({ kind: 'DELEGATION_HANDOVER', message: `${receiver.name} took ${shopName} over: you no longer act for it` }),
    );
    // The giver is free to go: nothing holds its account any more.
    expect(dataOf(await api.gqlAs(giver.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toEqual([]);
    // The owner, who signed the consent for the giver, is told by e-mail who acts for the shop now.
    const [notice] = await db.query(`SELECT subject, text, user_id FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_HANDED_OVER'`, [ownerEmail]);
    expect(notice).toMatchObject({ user_id: null, subject: `${receiver.name} opera ora per ${shopName} su Vicini e connessi` });
    expect(notice.text).toContain(`${giver.name} ha registrato ${shopName}`);
    expect(notice.text).toContain('Il link che hai ricevuto per prendere il controllo della tua attività vale ancora');
    // Whom to write to if the owner did not agree: the platform's own address is not read.
    const [{ contact_email: receiverEmail }] = await db.query('SELECT contact_email FROM facilitator WHERE id = $1', [receiver.facilitatorId]);
    expect(notice.text).toContain(`scrivi all’organizzazione ${receiver.name} (${receiverEmail}) o al Dipartimento (http`);

    // The owner's link still works, and says who acts for the shop now and who registered it.
    expect(dataOf(await api.gql(ClaimLinkPreviewDocument, { link })).delegationLink).toEqual({
      purpose: 'CLAIM',
      facilitatorName: receiver.name,
      registeredByName: giver.name,
      shopName,
      email: ownerEmail,
      paperDeclaredOn: '2026-11-30',
    });
    expect(dataOf(await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop).toEqual({
      __typename: 'ClaimedShop',
      shopId,
      email: ownerEmail,
    });
    expect(await db.query(`SELECT f.name, d.consent FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id WHERE d.shop_id = $1 AND d.status = 'ACTIVE'`, [shopId])).toEqual([
      { name: receiver.name, consent: 'SHOP' },
    ]);
    // Claimed: the owner decides now, and the shop can no longer be handed over.
    const taken = dataOf(await api.gqlAs(receiver.accessToken, DeskPendingHandoversDocument, {})).delegatedShops.items.find((row) => row.shopId === shopId);
    expect(await offer(receiver, taken?.delegationId ?? '', stranger.email)).toMatchObject({ __typename: 'ShopClaimedError', code: 'SHOP_CLAIMED' });
  });

  it('a declined or withdrawn offer leaves the shop where it was, and the other side is told', async () => {
    const giver = await facilitator('Confartigianato');
    const receiver = await facilitator('Camera di commercio');
    const registered = member(
      dataOf(await api.gqlAs(giver.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: anEmail('titolare'), declaredOn: '2026-12-01' } })).registerShopOnPaper,
      'Delegation',
    );
    const first = member(await offer(giver, registered.id, receiver.email), 'DelegationHandover');
    expect(member(await answer(receiver, first.id, false), 'DelegationHandover')).toMatchObject({ status: 'DECLINED', toDelegationId: null });
    const second = member(await offer(giver, registered.id, receiver.email), 'DelegationHandover');
    const withdrawn = dataOf(await api.gqlAs(giver.accessToken, WithdrawDelegationHandoverDocument, { input: { handoverId: second.id } })).withdrawDelegationHandover;
    expect(member(withdrawn, 'DelegationHandover')).toMatchObject({ status: 'WITHDRAWN' });
    expect(await answer(receiver, second.id, true)).toMatchObject({ __typename: 'HandoverNotPendingError', currentStatus: 'WITHDRAWN', messageIt: 'Questo passaggio è ritirato: non si può più accettare, rifiutare o ritirare' });

    expect(await db.query(`SELECT facilitator_id, status FROM delegation WHERE shop_id = $1`, [registered.shopId])).toEqual([{ facilitator_id: giver.facilitatorId, status: 'ACTIVE' }]);
    const giverTold = dataOf(await api.gqlAs(giver.accessToken, MyNotificationsDocument, { first: 10 })).myNotifications.items.map((item) => item.messageIt);
    expect(giverTold).toContain(`${receiver.name} ha rifiutato di prendere in carico Il Forno di Via Roma: continui a operare per suo conto`);
    const receiverTold = dataOf(await api.gqlAs(receiver.accessToken, MyNotificationsDocument, { first: 10 })).myNotifications.items.map((item) => item.messageIt);
    expect(receiverTold).toContain(`${giver.name} ha ritirato la proposta di passarti Il Forno di Via Roma`);
  });
});
