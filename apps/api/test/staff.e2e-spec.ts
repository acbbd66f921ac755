import { UserRole } from '@vec/core';
import { DataSource } from 'typeorm';
import { anEmail, aProviderInput, REGISTER_PROVIDER, signUp, staffUser, TEST_PASSWORD } from './testing/fixtures';
import { startTestApp, TestApp } from './testing/test-app';

const CREATE_STAFF = `mutation ($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) {
    __typename
    ... on StaffUserCreated { generatedPassword user { id email role } }
    ... on EmailTakenError { field message messageIt }
  }
}`;

const AUDIT = `query ($filter: AuditEventFilterInput!, $first: Int!) {
  auditEvents(filter: $filter, first: $first) { totalCount hasNextPage items { action entityType entityId actorUserId actorRole requestId before after } }
}`;

interface CreatedStaff {
  createStaffUser: { __typename: string; generatedPassword: string | null; user: { id: string; email: string; role: string }; field?: string };
}

describe('Staff accounts and the audit log over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const countUsers = async (email: string): Promise<number> =>
    (await db.query('SELECT COUNT(*)::int AS count FROM user_account WHERE email = $1', [email]))[0].count;

  it('lets an admin create a ministry account with a generated password that then logs in', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = anEmail('funzionario');
    const { data } = await api.gqlAs<CreatedStaff>(admin.accessToken, CREATE_STAFF, { input: { email, role: 'MINISTRY' } });
    expect(data?.createStaffUser).toMatchObject({ __typename: 'StaffUserCreated', user: { email, role: 'MINISTRY' } });
    const password = data!.createStaffUser.generatedPassword;
    expect(password).toMatch(/^[\w-]{20}$/);
    const login = await api.gql<{ login: { user: { role: string } } }>('mutation ($input: LoginInput!) { login(input: $input) { user { role } } }', {
      input: { email, password },
    });
    expect(login.data?.login.user.role).toBe('MINISTRY');
    const audit = await db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1', [data!.createStaffUser.user.id]);
    expect(audit).toEqual([{ action: 'user.created', actor_user_id: admin.userId }]);
  });

  it('keeps a chosen password and returns none', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = anEmail('admin');
    const { data } = await api.gqlAs<CreatedStaff>(admin.accessToken, CREATE_STAFF, { input: { email, role: 'ADMIN', password: TEST_PASSWORD } });
    expect(data?.createStaffUser).toMatchObject({ generatedPassword: null, user: { role: 'ADMIN' } });
  });

  it('answers a taken e-mail with EmailTakenError and adds no account', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const existing = await staffUser(api, UserRole.MINISTRY);
    const { data } = await api.gqlAs<CreatedStaff>(admin.accessToken, CREATE_STAFF, { input: { email: existing.email, role: 'MINISTRY' } });
    expect(data?.createStaffUser).toMatchObject({ __typename: 'EmailTakenError', field: 'input.email' });
    expect(await countUsers(existing.email)).toBe(1);
  });

  it.each([
    ['a shop or provider role', { role: 'SHOP' }, 'input.role', 'isIn'],
    ['a short password', { role: 'MINISTRY', password: 'corta' }, 'input.password', 'minLength'],
    ['a malformed e-mail', { role: 'MINISTRY', email: 'non-una-email' }, 'input.email', 'isEmail'],
  ])('refuses %s naming the field, and creates nothing', async (_label, override, field, code) => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const input = { email: anEmail('staff'), ...override };
    const { errors } = await api.gqlAs(admin.accessToken, CREATE_STAFF, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
    expect(await countUsers(input.email)).toBe(0);
  });

  it('refuses staff creation to ministry staff, shops and providers', async () => {
    const callers = [await staffUser(api, UserRole.MINISTRY), await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')];
    for (const caller of callers) {
      const email = anEmail('intruso');
      const { errors } = await api.gqlAs(caller.accessToken, CREATE_STAFF, { input: { email, role: 'ADMIN' } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countUsers(email)).toBe(0);
    }
  });

  it("shows ministry staff an entity's history, newest first, with before and after", async () => {
    const owner = await signUp(api, 'PROVIDER');
    const { data } = await api.gqlAs<{ registerProvider: { id: string } }>(owner.accessToken, REGISTER_PROVIDER, { input: aProviderInput() });
    const providerId = data!.registerProvider.id;
    const staff = await staffUser(api);
    await api.gqlAs(staff.accessToken, 'mutation ($input: VerifyProviderInput!) { verifyProvider(input: $input) { __typename } }', {
      input: { providerId, decision: 'REJECTED', reason: 'Documentazione incompleta' },
    });
    const page = await api.gqlAs<{ auditEvents: { totalCount: number; items: Record<string, unknown>[] } }>(staff.accessToken, AUDIT, {
      filter: { entityType: 'provider', entityId: providerId },
      first: 10,
    });
    expect(page.data?.auditEvents.totalCount).toBe(2);
    expect(page.data?.auditEvents.items).toEqual([
      expect.objectContaining({ action: 'provider.rejected', actorUserId: staff.userId, actorRole: 'MINISTRY', after: expect.objectContaining({ verificationStatus: 'REJECTED' }) }),
      expect.objectContaining({ action: 'provider.registered', actorUserId: owner.userId, before: null }),
    ]);
    const byPrefix = await api.gqlAs<{ auditEvents: { items: { action: string }[] } }>(staff.accessToken, AUDIT, {
      filter: { actorUserId: staff.userId, action: 'provider.' },
      first: 10,
    });
    expect(byPrefix.data?.auditEvents.items.map((e) => e.action)).toEqual(['provider.rejected']);
  });

  it('refuses the audit log to shops and providers, and a reversed date range to anyone', async () => {
    for (const caller of [await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')]) {
      const { errors } = await api.gqlAs(caller.accessToken, AUDIT, { filter: {}, first: 5 });
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const staff = await staffUser(api);
    const { errors } = await api.gqlAs(staff.accessToken, AUDIT, { filter: { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }, first: 5 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.to', code: 'isAfter' })] });
  });
});
