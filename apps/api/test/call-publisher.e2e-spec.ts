import { DataSource } from 'typeorm';
import {
  ApplyToCallDocument,
  CallApplicationsDocument,
  CallGraduatoriaDocument,
  CallPublishersDocument,
  CloseSelectionCallDocument,
  type CreateSelectionCallInput,
  CreateSelectionCallDocument,
  DecideFacilitatorDocument,
  ExcludeCallApplicationDocument,
  GrantCallPublisherDocument,
  MyCallPublisherDocument,
  PublishSelectionCallDocument,
  RegisterFacilitatorDocument,
  RevokeCallPublisherDocument,
  SelectionCallDocument,
  SelectionCallsDocument,
} from './gql/generated';
import { aCallInput } from './testing/call-fixtures';
import { aFacilitatorInput, SignedIn, signUp, staffUser } from './testing/fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, type GraphQLResponse, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';
const refusal = (response: GraphQLResponse<unknown>): { code?: string; reason?: unknown } => ({
  code: response.errors?.[0]?.extensions.code,
  reason: response.errors?.[0]?.extensions.reason,
});
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Organisation extends SignedIn {
  id: string;
  name: string;
}

describe('Calls run by organisations the ministry authorises: grant, revoke, and who may see and do what', () => {
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

  async function organisation(decision: 'APPROVED' | null = 'APPROVED'): Promise<Organisation> {
    const owner = await signUp(api, 'FACILITATOR');
    const name = `Agenzia export ${owner.userId.slice(0, 6)}`;
    const registered = dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name, kind: 'OTHER' }) }));
    const id = member(registered.registerFacilitator, 'Facilitator').id;
    if (decision) await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: id, decision } });
    return { ...owner, id, name };
  }

  async function authorised(): Promise<Organisation> {
    const org = await organisation();
    member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: org.id } })).grantCallPublisher, 'CallPublisher');
    return org;
  }

  const aCall = (closesInMs: number, overrides: Partial<CreateSelectionCallInput> = {}): CreateSelectionCallInput => aCallInput(offerId, closesInMs, overrides);

  const create = async (who: SignedIn, closesInMs: number) => dataOf(await api.gqlAs(who.accessToken, CreateSelectionCallDocument, { input: aCall(closesInMs) })).createSelectionCall;
  const publish = async (who: SignedIn, id: string) => member(dataOf(await api.gqlAs(who.accessToken, PublishSelectionCallDocument, { id })).publishSelectionCall, 'SelectionCall');
  const apply = async (shop: SignedIn, callId: string) =>
    member(dataOf(await api.gqlAs(shop.accessToken, ApplyToCallDocument, { input: { callId, declarations: ['sede-italia'], answers: [] } })).applyToCall, 'CallApplication');
  const FORBIDDEN_RUNNER = { code: 'FORBIDDEN', reason: 'NOT_CALL_RUNNER' };

  it('lets an authorised organisation run its own call from draft to graduatoria, and nobody else act on it', async () => {
    const [org, other] = [await organisation(), await authorised()];
    // Not yet authorised: refused with a clear reason, nothing written.
    const unauthorised = await api.gqlAs(org.accessToken, CreateSelectionCallDocument, { input: aCall(60_000) });
    expect(refusal(unauthorised)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_CALL_PUBLISHER' });
    expect(unauthorised.errors?.[0].extensions.messageIt).toBe('La tua organizzazione non è autorizzata dal Ministero a gestire bandi (o l’autorizzazione è stata revocata)');
    expect(dataOf(await api.gqlAs(org.accessToken, MyCallPublisherDocument)).myCallPublisher).toBeNull();

    const granted = member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: org.id } })).grantCallPublisher, 'CallPublisher');
    expect(granted).toMatchObject({ organisationId: org.id, inForce: true, revokedAt: null, organisation: { name: org.name } });
    expect(member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: org.id } })).grantCallPublisher, 'CallPublisherStateError').inForce).toBe(true);
    expect(refusal(await api.gqlAs(org.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: org.id } })).code).toBe('FORBIDDEN');
    // An organisation that does not exist is named as the field it came in.
    const nobody = '00000000-0000-4000-8000-000000000000';
    for (const unknown of [
      await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: nobody } }),
      await api.gqlAs(staff.accessToken, RevokeCallPublisherDocument, { input: { facilitatorId: nobody, reason: 'Prova di un ente inesistente' } }),
    ]) {
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'FACILITATOR_NOT_FOUND', field: 'input.facilitatorId' });
    }
    expect(dataOf(await api.gqlAs(org.accessToken, MyCallPublisherDocument)).myCallPublisher?.id).toBe(granted.id);

    const draft = await create(org, 8_000);
    expect(draft).toMatchObject({ status: 'DRAFT', publisherOrganisationId: org.id, publisher: { id: org.id, name: org.name } });
    // Another organisation, a shop: the draft does not exist for them. Staff oversee it.
    const shop = await shopIn(api, TORINO);
    expect(refusal(await api.gqlAs(other.accessToken, SelectionCallDocument, { id: draft.id })).code).toBe('NOT_FOUND');
    expect(refusal(await api.gqlAs(shop.accessToken, SelectionCallDocument, { id: draft.id })).code).toBe('NOT_FOUND');
    expect(refusal(await api.gqlAs(other.accessToken, PublishSelectionCallDocument, { id: draft.id })).code).toBe('NOT_FOUND');
    expect(dataOf(await api.gqlAs(other.accessToken, SelectionCallsDocument, { filter: { organisationId: org.id } })).selectionCalls.items).toEqual([]);
    expect(dataOf(await api.gqlAs(org.accessToken, SelectionCallsDocument, { filter: { organisationId: org.id } })).selectionCalls.items.map((c) => c.id)).toEqual([draft.id]);
    expect(dataOf(await api.gqlAs(staff.accessToken, SelectionCallsDocument, { filter: { organisationId: org.id } })).selectionCalls.items.map((c) => c.id)).toEqual([draft.id]);
    expect(dataOf(await api.gqlAs(staff.accessToken, SelectionCallDocument, { id: draft.id })).selectionCall.status).toBe('DRAFT');

    const open = await publish(org, draft.id);
    expect(open.status).toBe('OPEN');
    // Published: everyone sees who runs it.
    expect(dataOf(await api.gqlAs(shop.accessToken, SelectionCallDocument, { id: draft.id })).selectionCall.publisher).toEqual({ id: org.id, name: org.name });
    const [kept, excluded] = [await apply(shop, draft.id), await apply(await shopIn(api, TORINO), draft.id)];

    // The other organisation neither reads nor acts on the applications.
    expect(refusal(await api.gqlAs(other.accessToken, CallApplicationsDocument, { callId: draft.id }))).toEqual(FORBIDDEN_RUNNER);
    expect(refusal(await api.gqlAs(other.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: excluded.id, reason: 'Non è un nostro bando' } }))).toEqual(FORBIDDEN_RUNNER);
    expect(refusal(await api.gqlAs(other.accessToken, CloseSelectionCallDocument, { id: draft.id }))).toEqual(FORBIDDEN_RUNNER);

    const listed = dataOf(await api.gqlAs(org.accessToken, CallApplicationsDocument, { callId: draft.id })).callApplications;
    expect(listed.items.map((a) => a.id).sort()).toEqual([kept.id, excluded.id].sort());
    // Running the call, it may reach the applicants.
    expect(listed.items.every((a) => a.shop.contactEmail !== null)).toBe(true);
    const exclusion = dataOf(await api.gqlAs(org.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: excluded.id, reason: 'Dichiarazione non veritiera' } }));
    expect(member(exclusion.excludeCallApplication, 'CallApplication')).toMatchObject({ status: 'EXCLUDED', exclusionReason: 'Dichiarazione non veritiera' });
    // Excluded again, by staff and by the organisation at once: the first exclusion stands, with one audit event.
    const again = await Promise.all(
      [staff, org, staff].map(async (caller, i) => dataOf(await api.gqlAs(caller.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: excluded.id, reason: `Di nuovo, volta ${i}` } })).excludeCallApplication),
    );
    for (const refused of again) {
      expect(member(refused, 'ApplicationAlreadyExcludedError')).toMatchObject({ code: 'ALREADY_EXCLUDED', field: 'input.applicationId', exclusionReason: 'Dichiarazione non veritiera' });
    }
    const [stored]: { exclusion_reason: string; excluded_by_user_id: string }[] = await db.query(`SELECT exclusion_reason, excluded_by_user_id FROM call_application WHERE id = $1`, [excluded.id]);
    expect(stored).toEqual({ exclusion_reason: 'Dichiarazione non veritiera', excluded_by_user_id: org.userId });

    await sleep(Math.max(0, new Date(draft.closesAt).getTime() - Date.now() + 200));
    expect(member(dataOf(await api.gqlAs(org.accessToken, CloseSelectionCallDocument, { id: draft.id })).closeSelectionCall, 'SelectionCall').status).toBe('CLOSED');
    expect(dataOf(await api.gql(CallGraduatoriaDocument, { callId: draft.id })).callGraduatoria.items.map((row) => row.status)).toEqual(['ADMITTED']);

    // Every step is in the audit trail, by the organisation's account.
    const steps: { action: string; actor_user_id: string }[] = await db.query(
      `SELECT action, actor_user_id FROM audit_event WHERE entity_id = ANY($1) AND action IN ('selection_call.created', 'selection_call.published', 'selection_call.closed', 'call_application.excluded') ORDER BY id`,
      [[draft.id, excluded.id]],
    );
    expect(steps.map((s) => s.action)).toEqual(['selection_call.created', 'selection_call.published', 'call_application.excluded', 'selection_call.closed']);
    expect(steps.slice(0, 3).every((s) => s.actor_user_id === org.userId)).toBe(true);
    const grants: { action: string; actor_user_id: string }[] = await db.query(`SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1`, [granted.id]);
    expect(grants).toEqual([{ action: 'call_publisher.granted', actor_user_id: staff.userId }]);
  }, 60_000);

  it('keeps the ministry’s calls out of an organisation’s reach', async () => {
    const org = await authorised();
    const ministryDraft = await create(staff, 60_000);
    expect(ministryDraft.publisher).toBeNull();
    expect(refusal(await api.gqlAs(org.accessToken, SelectionCallDocument, { id: ministryDraft.id })).code).toBe('NOT_FOUND');
    expect(refusal(await api.gqlAs(org.accessToken, PublishSelectionCallDocument, { id: ministryDraft.id })).code).toBe('NOT_FOUND');
    const ministryCall = await create(staff, 60_000);
    await publish(staff, ministryCall.id);
    const application = await apply(await shopIn(api, TORINO), ministryCall.id);
    expect(refusal(await api.gqlAs(org.accessToken, CallApplicationsDocument, { callId: ministryCall.id }))).toEqual(FORBIDDEN_RUNNER);
    expect(refusal(await api.gqlAs(org.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: application.id, reason: 'Non è un nostro bando' } }))).toEqual(FORBIDDEN_RUNNER);
    expect(refusal(await api.gqlAs(org.accessToken, CloseSelectionCallDocument, { id: ministryCall.id }))).toEqual(FORBIDDEN_RUNNER);
    // An organisation the ministry has not verified cannot be authorised.
    const pending = await organisation(null);
    const refused = member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: pending.id } })).grantCallPublisher, 'OrganisationNotApprovedError');
    expect(refused).toMatchObject({ verificationStatus: 'PENDING', field: 'input.facilitatorId' });
    expect(refusal(await api.gqlAs(pending.accessToken, CreateSelectionCallDocument, { input: aCall(60_000) }))).toEqual({ code: 'FORBIDDEN', reason: 'ORGANISATION_NOT_APPROVED' });
  });

  it('stops new calls and publishing when revoked; open calls run on under staff; a suspended organisation is refused', async () => {
    const org = await authorised();
    const draft = await create(org, 60_000);
    const open = await create(org, 6_000);
    await publish(org, open.id);
    const application = await apply(await shopIn(api, TORINO), open.id);

    const noReason = await api.gqlAs(staff.accessToken, RevokeCallPublisherDocument, { input: { facilitatorId: org.id, reason: ' ' } });
    expect(noReason.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.reason' })]);
    const revoked = member(
      dataOf(await api.gqlAs(staff.accessToken, RevokeCallPublisherDocument, { input: { facilitatorId: org.id, reason: 'Convenzione con il Ministero scaduta' } })).revokeCallPublisher,
      'CallPublisher',
    );
    expect(revoked).toMatchObject({ inForce: false, revokeReason: 'Convenzione con il Ministero scaduta' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(member(dataOf(await api.gqlAs(staff.accessToken, RevokeCallPublisherDocument, { input: { facilitatorId: org.id, reason: 'Di nuovo, per errore' } })).revokeCallPublisher, 'CallPublisherStateError').inForce).toBe(false);

    const NOT_PUBLISHER = { code: 'FORBIDDEN', reason: 'NOT_CALL_PUBLISHER' };
    expect(refusal(await api.gqlAs(org.accessToken, CreateSelectionCallDocument, { input: aCall(60_000) }))).toEqual(NOT_PUBLISHER);
    expect(refusal(await api.gqlAs(org.accessToken, PublishSelectionCallDocument, { id: draft.id }))).toEqual(NOT_PUBLISHER);
    expect(refusal(await api.gqlAs(org.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: application.id, reason: 'Dopo la revoca' } }))).toEqual(NOT_PUBLISHER);
    expect(dataOf(await api.gqlAs(org.accessToken, MyCallPublisherDocument)).myCallPublisher).toBeNull();
    // Nor do staff publish its draft for it: the draft stays unpublished.
    const DRAFT_STAYS = { code: 'FORBIDDEN', reason: 'PUBLISHER_NOT_AUTHORISED' };
    expect(refusal(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: draft.id }))).toEqual(DRAFT_STAYS);
    // It still reads what it ran; staff carry the open call to its closing.
    const kept = dataOf(await api.gqlAs(org.accessToken, CallApplicationsDocument, { callId: open.id })).callApplications.items;
    expect(kept.map((a) => a.id)).toEqual([application.id]);
    // The record, not a way to reach the shops: their contacts are no longer its.
    expect(kept.map((a) => [a.shop.contactEmail, a.shop.contactPhone])).toEqual([[null, null]]);
    expect(dataOf(await api.gqlAs(staff.accessToken, CallApplicationsDocument, { callId: open.id })).callApplications.items[0].shop.contactEmail).not.toBeNull();
    await sleep(Math.max(0, new Date(open.closesAt).getTime() - Date.now() + 200));
    expect(refusal(await api.gqlAs(org.accessToken, CloseSelectionCallDocument, { id: open.id }))).toEqual(NOT_PUBLISHER);
    expect(member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: open.id })).closeSelectionCall, 'SelectionCall').status).toBe('CLOSED');

    const [audit]: { after: Record<string, unknown>; actor_user_id: string }[] = await db.query(`SELECT after, actor_user_id FROM audit_event WHERE entity_id = $1 AND action = 'call_publisher.revoked'`, [revoked.id]);
    expect(audit).toEqual({ actor_user_id: staff.userId, after: expect.objectContaining({ facilitatorId: org.id, revokeReason: 'Convenzione con il Ministero scaduta', openCallsLeftToStaff: 1 }) });
    const history = dataOf(await api.gqlAs(staff.accessToken, CallPublishersDocument, { filter: { inForce: false }, first: 100 })).callPublishers;
    expect(history.items.find((g) => g.id === revoked.id)).toMatchObject({ organisationId: org.id, inForce: false });

    // Granted again, then suspended by staff: acting and reading are refused with the reason.
    member(dataOf(await api.gqlAs(staff.accessToken, GrantCallPublisherDocument, { input: { facilitatorId: org.id } })).grantCallPublisher, 'CallPublisher');
    await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: org.id, decision: 'SUSPENDED', reason: 'Verifica in corso sui requisiti' } });
    const SUSPENDED = { code: 'FORBIDDEN', reason: 'ORGANISATION_NOT_APPROVED' };
    expect(refusal(await api.gqlAs(org.accessToken, PublishSelectionCallDocument, { id: draft.id }))).toEqual(SUSPENDED);
    expect(refusal(await api.gqlAs(org.accessToken, CreateSelectionCallDocument, { input: aCall(60_000) }))).toEqual(SUSPENDED);
    expect(refusal(await api.gqlAs(org.accessToken, CallApplicationsDocument, { callId: open.id }))).toEqual({ code: 'FORBIDDEN', reason: 'ORGANISATION_NOT_APPROVED' });
    expect(refusal(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: draft.id }))).toEqual(DRAFT_STAYS);
    const [stored]: { status: string }[] = await db.query(`SELECT status FROM selection_call WHERE id = $1`, [draft.id]);
    expect(stored.status).toBe('DRAFT');
  }, 60_000);
});
