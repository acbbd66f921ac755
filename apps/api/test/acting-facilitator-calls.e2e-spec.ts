import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import {
  ApplyToCallDocument,
  CloseSelectionCallDocument,
  CreateHelpRequestsFromNeedsDocument,
  CreateSelectionCallDocument,
  GrantCallPublisherDocument,
  MyCallApplicationDocument,
  MyCallApplicationsDocument,
  MyNotificationsDocument,
  PublishSelectionCallDocument,
  RegisterShopOnPaperDocument,
  SelectionCallsDocument,
} from './gql/generated';
import { aCallInput } from './testing/call-fixtures';
import { anEmail, aShopInput, type SignedIn, staffUser } from './testing/fixtures';
import { actingFor, delegatedShop, type Facilitator, facilitatorAccount } from './testing/delegation-fixtures';
import { approvedProvider, publishedOffer } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('A facilitator acting for a shop: the questionnaire and calls, as the shop would', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let offerId: string;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    const provider = await approvedProvider(api, staff);
    offerId = (await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } })).id;
  });
  afterAll(() => api.close());

  const aCall = () => aCallInput(offerId, 3_600_000);
  const openCall = async (who: SignedIn): Promise<string> => {
    const draft = dataOf(await api.gqlAs(who.accessToken, CreateSelectionCallDocument, { input: aCall() })).createSelectionCall;
    member(dataOf(await api.gqlAs(who.accessToken, PublishSelectionCallDocument, { id: draft.id })).publishSelectionCall, 'SelectionCall');
    return draft.id;
  };
  const applyInput = (callId: string) => ({ input: { callId, declarations: ['sede-italia'], answers: [] } });

  it('turns the questionnaire’s answers into the shop’s requests', async () => {
    const facilitator: Facilitator = await facilitatorAccount(api, staff);
    const shop = await delegatedShop(api, db, facilitator);
    const created = dataOf(await actingFor(api, facilitator, shop.shopId, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['WEBSITE'], asBundle: false } }));
    const batch = member(created.createHelpRequestsFromNeeds, 'HelpRequestBatch');
    expect(batch.requests.map((r) => r.category)).toEqual(['WEBSITE']);
    const [owner]: { shop_id: string }[] = await db.query(`SELECT shop_id FROM help_request WHERE id = $1`, [batch.requests[0].id]);
    expect(owner.shop_id).toBe(shop.shopId);
  });

  it('applies to a call for the shop and reads the application, but never to a call its own organisation runs', async () => {
    const facilitator = await facilitatorAccount(api, staff);
    member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: facilitator.facilitatorId } })).grantCallPublisher, 'CallPublisher');
    const shop = await delegatedShop(api, db, facilitator);
    const ministryCall = await openCall(staff);
    const ownCall = await openCall(facilitator);

    const applied = member(dataOf(await actingFor(api, facilitator, shop.shopId, ApplyToCallDocument, applyInput(ministryCall))).applyToCall, 'CallApplication');
    expect(applied).toMatchObject({ status: 'SUBMITTED' });
    // The shop is told what was done in its name, in words, not as "a change".
    const notices = dataOf(await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 20 })).myNotifications.items.filter((n) => n.kind === 'ACTED_ON_BEHALF');
    expect(notices.map((n) => n.messageIt)).toContain(`${facilitator.name} ha presentato una domanda a un bando per tuo conto`);
    expect(dataOf(await actingFor(api, facilitator, shop.shopId, MyCallApplicationDocument, { callId: ministryCall })).myCallApplication?.id).toBe(applied.id);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyCallApplicationDocument, { callId: ministryCall })).myCallApplication?.id).toBe(applied.id);
    // Its declarations were confirmed in the shop's name by the organisation: the application says so, to the shop and to staff.
    const submittedBy = `query($id: ID!) { myCallApplication(callId: $id) { submittedByFacilitatorName } }`;
    expect((await api.gqlRaw(submittedBy, { variables: { id: ministryCall }, accessToken: shop.accessToken })).data).toEqual({ myCallApplication: { submittedByFacilitatorName: facilitator.name } });
    const staffView = await api.gqlRaw(`query($id: ID!) { callApplications(callId: $id, first: 10) { items { submittedByFacilitatorName } } }`, { variables: { id: ministryCall }, accessToken: staff.accessToken });
    expect(staffView.data).toEqual({ callApplications: { items: [{ submittedByFacilitatorName: facilitator.name }] } });
    expect(dataOf(await actingFor(api, facilitator, shop.shopId, MyCallApplicationsDocument, {})).myCallApplications.items.map((a) => a.id)).toEqual([applied.id]);

    const own = await actingFor(api, facilitator, shop.shopId, ApplyToCallDocument, applyInput(ownCall));
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RUNNER_CANNOT_APPLY', field: 'input.callId' });
    expect(await db.query(`SELECT count(*)::int AS n FROM call_application WHERE call_id = $1`, [ownCall])).toEqual([{ n: 0 }]);
    // The shop itself may apply to it: the rule is about who fills the application in.
    member(dataOf(await api.gqlAs(shop.accessToken, ApplyToCallDocument, applyInput(ownCall))).applyToCall, 'CallApplication');
    expect((await api.gqlRaw(submittedBy, { variables: { id: ownCall }, accessToken: shop.accessToken })).data).toEqual({ myCallApplication: { submittedByFacilitatorName: null } });

    // Acting for the shop, it lists the calls the shop sees: not its organisation's drafts.
    const draft = dataOf(await api.gqlAs(facilitator.accessToken, CreateSelectionCallDocument, { input: aCall() })).createSelectionCall;
    const listed = async (shopId: string | null): Promise<string[]> =>
      dataOf(await actingFor(api, facilitator, shopId, SelectionCallsDocument, {})).selectionCalls.items.map((call) => call.id);
    expect(await listed(null)).toContain(draft.id);
    expect(await listed(shop.shopId)).not.toContain(draft.id);
    expect(await listed(shop.shopId)).toEqual(expect.arrayContaining([ministryCall, ownCall]));

    // Without naming the shop, a facilitator has no shop to apply for.
    const nobody = await actingFor(api, facilitator, null, ApplyToCallDocument, applyInput(ministryCall));
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SHOP_NAMED' });
    expect(nobody.data?.applyToCall ?? null).toBeNull();
  });

  it('tells the facilitator what a call decided for a shop registered on paper that nobody has claimed, naming the shop; no e-mail goes anywhere', async () => {
    const facilitator = await facilitatorAccount(api, staff);
    const shopName = `Sartoria ${randomUUID().slice(0, 6)}`;
    const ownerEmail = anEmail('titolare');
    const paper = member(
      dataOf(await api.gqlAs(facilitator.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ tradingName: shopName }), ownerEmail, declaredOn: '2026-12-01' } }))
        .registerShopOnPaper,
      'Delegation',
    );
    const draft = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCallInput(offerId, 3_000) })).createSelectionCall;
    member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: draft.id })).publishSelectionCall, 'SelectionCall');
    member(dataOf(await actingFor(api, facilitator, paper.shopId, ApplyToCallDocument, applyInput(draft.id))).applyToCall, 'CallApplication');
    await sleep(Math.max(0, new Date(draft.closesAt).getTime() - Date.now() + 200));
    member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: draft.id })).closeSelectionCall, 'SelectionCall');

    const notices = dataOf(await api.gqlAs(facilitator.accessToken, MyNotificationsDocument, { first: 20 })).myNotifications.items.filter((n) => n.kind === 'CALL_OUTCOME');
    expect(notices).toHaveLength(1);
    expect(notices[0].messageIt.startsWith(`Per ${shopName}: `)).toBe(true);
    expect(await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'CALL_OUTCOME' AND recipient = ANY($1)`, [[facilitator.email, ownerEmail]])).toEqual([{ n: 0 }]);
  });
});
