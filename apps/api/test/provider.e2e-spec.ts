import { DataSource } from 'typeorm';
import {
  MyProviderDocument,
  ProviderAsReadDocument,
  ProviderByIdDocument,
  ProvidersDocument,
  RegisterProviderDocument,
  type RegisterProviderInput,
  UpdateProviderDocument,
  VerifyProviderDocument,
  type VerificationStatus,
} from './gql/generated';
import { aProviderInput, signUp, staffUser } from './testing/fixtures';
import { dataOf, invalidVariables, member, startTestApp, TestApp } from './testing/test-app';

describe('Providers and their verification over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function registeredProvider(): Promise<{ id: string; accessToken: string }> {
    const owner = await signUp(api, 'PROVIDER');
    const registered = await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() });
    expect(registered.data?.registerProvider).toMatchObject({ __typename: 'Provider', verificationStatus: 'PENDING' });
    return { id: member(dataOf(registered).registerProvider, 'Provider').id, accessToken: owner.accessToken };
  }

  it('puts a new provider in the verification queue; staff approve, suspend and re-approve it', async () => {
    const provider = await registeredProvider();
    const staff = await staffUser(api);
    const queue = await api.gqlAs(staff.accessToken, ProvidersDocument, { filter: { status: 'PENDING' }, first: 100 });
    expect(queue.data?.providers.items.map((p) => p.id)).toContain(provider.id);

    const steps: [VerificationStatus, string | undefined, VerificationStatus][] = [
      ['APPROVED', undefined, 'APPROVED'],
      ['SUSPENDED', 'Offerte non gratuite segnalate', 'SUSPENDED'],
      ['APPROVED', 'Chiarimento ricevuto', 'APPROVED'],
    ];
    for (const [decision, reason, expected] of steps) {
      const { data } = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision, reason } });
      expect(data?.verifyProvider).toMatchObject({ __typename: 'Provider', verificationStatus: expected });
    }
    const mine = await api.gqlAs(provider.accessToken, MyProviderDocument);
    expect(mine.data?.myProvider).toEqual({ verificationStatus: 'APPROVED', verificationReason: 'Chiarimento ricevuto', resubmittedAt: null, allowedDecisions: ['SUSPENDED'] });
    const audit = await db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY id', [provider.id]);
    expect(audit).toEqual([
      { action: 'provider.registered', actor_user_id: expect.any(String) },
      { action: 'provider.approved', actor_user_id: staff.userId },
      { action: 'provider.suspended', actor_user_id: staff.userId },
      { action: 'provider.approved', actor_user_id: staff.userId },
    ]);
  });

  it('refuses an impossible transition as a union error, and a rejection without a reason as bad input', async () => {
    const provider = await registeredProvider();
    const staff = await staffUser(api);
    const suspendPending = await api.gqlAs(staff.accessToken, VerifyProviderDocument, {
      input: { providerId: provider.id, decision: 'SUSPENDED', reason: 'Nessun motivo valido' },
    });
    expect(suspendPending.data?.verifyProvider).toEqual({
      __typename: 'InvalidVerificationTransitionError',
      code: 'INVALID_TRANSITION',
      currentStatus: 'PENDING',
      message: expect.any(String),
      messageIt: expect.any(String),
    });
    const noReason = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'REJECTED' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason' })] });
    const [{ status }] = await db.query('SELECT verification_status AS status FROM provider WHERE id = $1', [provider.id]);
    expect(status).toBe('PENDING');
  });

  it('refuses a decision taken on details that changed after staff read them, and lets staff decide once they read them again', async () => {
    const provider = await registeredProvider();
    const staff = await staffUser(api);
    const read = dataOf(await api.gqlAs(staff.accessToken, ProviderAsReadDocument, { id: provider.id })).provider;
    // Between staff's reading and their approval, the pending organisation renames itself.
    await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { name: 'Poste Italiane S.p.A.' } });

    const stale = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'APPROVED', seenUpdatedAt: read.updatedAt } });
    const refusal = member(dataOf(stale).verifyProvider, 'OrganisationChangedError');
    expect(refusal).toMatchObject({ code: 'ORGANISATION_CHANGED', field: 'input.seenUpdatedAt' });
    expect(refusal.messageIt).toMatch(/^L’organizzazione è cambiata dopo che l’hai aperta \(.+ alle \d\d:\d\d\).*rileggila, poi decidi$/);
    expect(new Date(refusal.updatedAt).getTime()).toBeGreaterThan(new Date(read.updatedAt).getTime());
    const [row] = await db.query('SELECT name, verification_status AS status FROM provider WHERE id = $1', [provider.id]);
    expect(row).toEqual({ name: 'Poste Italiane S.p.A.', status: 'PENDING' });
    const decided = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'provider.approved'`, [provider.id]);
    expect(decided).toEqual([]);

    // Read again, as it now is: the decision goes through, on what staff saw.
    const reread = dataOf(await api.gqlAs(staff.accessToken, ProviderAsReadDocument, { id: provider.id })).provider;
    expect(reread).toMatchObject({ name: 'Poste Italiane S.p.A.', updatedAt: refusal.updatedAt });
    const rejected = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'REJECTED', reason: 'Il nome non corrisponde alla Partita IVA', seenUpdatedAt: reread.updatedAt } });
    expect(rejected.data?.verifyProvider).toMatchObject({ __typename: 'Provider', verificationStatus: 'REJECTED' });

    // A colleague's decision is a change too: a second decision on the version read before it is refused, not applied on top.
    const late = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'APPROVED', seenUpdatedAt: reread.updatedAt } });
    expect(late.data?.verifyProvider).toMatchObject({ __typename: 'OrganisationChangedError' });
    // Without seenUpdatedAt (an integrator's older client) the state machine alone decides.
    const blind = await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'APPROVED' } });
    expect(blind.data?.verifyProvider).toMatchObject({ __typename: 'InvalidVerificationTransitionError', currentStatus: 'REJECTED' });
  });

  it('lets only ministry staff verify, and providers see only their own organisation', async () => {
    const provider = await registeredProvider();
    const other = await registeredProvider();
    const selfApproval = await api.gqlAs(provider.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'APPROVED' } });
    expect(selfApproval.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const peek = await api.gqlAs(provider.accessToken, ProviderByIdDocument, { id: other.id });
    expect(peek.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const queue = await api.gqlAs(provider.accessToken, ProvidersDocument);
    expect(queue.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets staff find providers by words of the name, in any order and without accents, or by their Partita IVA', async () => {
    const staff = await staffUser(api);
    const owner = await signUp(api, 'PROVIDER');
    const tag = owner.userId.slice(0, 8);
    const input = aProviderInput({ name: `Logistica Città ${tag} S.p.A.` });
    const id = member(dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input })).registerProvider, 'Provider').id;
    const found = async (search: string, status?: VerificationStatus): Promise<string[]> =>
      dataOf(await api.gqlAs(staff.accessToken, ProvidersDocument, { filter: { search, status }, first: 100 })).providers.items.map((p) => p.id);
    expect(await found(`${tag.toUpperCase()} citta`)).toEqual([id]);
    expect(await found(input.partitaIva)).toEqual([id]);
    expect(await found(`${tag} citta`, 'PENDING')).toEqual([id]);
    expect(await found(`${tag} citta`, 'APPROVED')).toEqual([]);
    expect(await found(`${tag} nowhere`)).toEqual([]);
    const tooLong = await api.gqlAs(staff.accessToken, ProvidersDocument, { filter: { search: 'x'.repeat(101) } });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.search' })] });
  });

  it.each<[string, Partial<RegisterProviderInput>, string]>([
    ['a website that is not a web address', { website: 'consegne' }, 'input.website'],
    ['a too short description', { description: 'Gratis' }, 'input.description'],
    ['a bad Partita IVA', { partitaIva: '00000000001' }, 'input.partitaIva'],
  ])('refuses %s and writes nothing', async (_label, override, field) => {
    const owner = await signUp(api, 'PROVIDER');
    const input = aProviderInput(override);
    const { errors } = await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
    const [{ n }] = await db.query('SELECT COUNT(*)::int AS n FROM provider WHERE owner_user_id = $1', [owner.userId]);
    expect(n).toBe(0);
  });

  it('reads a website typed without https://, and removes it when the field is left blank', async () => {
    const owner = await signUp(api, 'PROVIDER');
    const registered = await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ website: ' www.consegne.example.it/chi-siamo ' }) });
    expect(member(dataOf(registered).registerProvider, 'Provider').website).toBe('https://www.consegne.example.it/chi-siamo');
    const blank = await api.gqlAs(owner.accessToken, UpdateProviderDocument, { input: { website: '' } });
    expect(dataOf(blank).updateProvider.website).toBeNull();
    const again = await api.gqlAs(owner.accessToken, UpdateProviderDocument, { input: { website: 'consegne.example.it' } });
    expect(dataOf(again).updateProvider.website).toBe('https://consegne.example.it');
    const removed = await api.gqlAs(owner.accessToken, UpdateProviderDocument, { input: { website: null } });
    expect(dataOf(removed).updateProvider.website).toBeNull();
  });

  it('refuses a kind outside the list before running anything', async () => {
    const owner = await signUp(api, 'PROVIDER');
    // BANK is no ProviderKind: GraphQL refuses the variable before the resolver runs.
    const { errors } = await api.gqlAs(owner.accessToken, RegisterProviderDocument, invalidVariables({ input: { ...aProviderInput(), kind: 'BANK' } }));
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.kind', code: 'isEnum', message: 'input.kind must be one of DELIVERY, LOGISTICS, OTHER, PLATFORM, TECH' }] });
  });
});
