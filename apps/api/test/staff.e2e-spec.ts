import { UserRole } from '@vec/core';
import { DataSource } from 'typeorm';
import { AuditEventsDocument, ChangePasswordDocument, MonitoringKpisDefaultDocument, CreateStaffUserDocument, type CreateStaffUserInput, DecideProviderDocument, LoginDocument, MyPasswordStateDocument, RegisterProviderDocument } from './gql/generated';
import { anEmail, aProviderInput, signUp, staffUser, TEST_PASSWORD } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

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
    const created = await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email, role: 'MINISTRY' } });
    expect(created.data?.createStaffUser).toMatchObject({ __typename: 'StaffUserCreated', user: { email, role: 'MINISTRY' } });
    const { generatedPassword, user } = member(dataOf(created).createStaffUser, 'StaffUserCreated');
    expect(generatedPassword).toMatch(/^[\w-]{20}$/);
    const login = await api.gql(LoginDocument, { input: { email, password: generatedPassword ?? '' } });
    expect(login.data?.login.user.role).toBe('MINISTRY');
    const audit = await db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1', [user.id]);
    expect(audit).toEqual([{ action: 'user.created', actor_user_id: admin.userId }]);
  });

  it('makes the owner of an account an admin created choose a new password before anything else', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = anEmail('funzionaria');
    const { generatedPassword } = member(dataOf(await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email, role: 'MINISTRY' } })).createStaffUser, 'StaffUserCreated');
    const temporary = generatedPassword ?? '';
    const { accessToken } = dataOf(await api.gql(LoginDocument, { input: { email, password: temporary } })).login;
    expect(dataOf(await api.gqlAs(accessToken, MyPasswordStateDocument)).me.passwordChangeRequired).toBe(true);

    // Everything else is refused, over GraphQL and plain HTTP alike, with the reason.
    const refused = await api.gqlAs(accessToken, MonitoringKpisDefaultDocument);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    expect(refused.errors?.[0].extensions.messageIt).toBe('La tua password è stata impostata da un amministratore: scegline una nuova nel tuo account prima di fare altro');
    const csv = await api.http().get('/exports/breakdown-region.csv').set('authorization', `Bearer ${accessToken}`);
    expect(csv.status).toBe(403);

    // The same password again is not a change.
    const same = await api.gqlAs(accessToken, ChangePasswordDocument, { input: { currentPassword: temporary, newPassword: temporary } });
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.newPassword', code: 'passwordUnchanged' })] });
    expect(dataOf(await api.gqlAs(accessToken, MyPasswordStateDocument)).me.passwordChangeRequired).toBe(true);

    member(dataOf(await api.gqlAs(accessToken, ChangePasswordDocument, { input: { currentPassword: temporary, newPassword: 'lievito-madre-e-bicicletta' } })).changePassword, 'User');
    // The same session goes on, now with everything its role allows.
    expect(dataOf(await api.gqlAs(accessToken, MyPasswordStateDocument)).me.passwordChangeRequired).toBe(false);
    expect((await api.gqlAs(accessToken, MonitoringKpisDefaultDocument)).errors).toBeUndefined();
  });

  it('refuses a chosen password built on the new account’s address', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = `funzionario.bianchi.${Date.now()}@mit.gov.it`;
    const refused = await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email, role: 'MINISTRY', password: 'Funzionario Bianchi 2026' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.password', code: 'passwordWeak' })] });
    expect(await countUsers(email)).toBe(0);
  });

  it('asks for a new password of an account whose password an admin chose, too; accounts that signed up themselves are never asked', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = anEmail('admin');
    await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email, role: 'ADMIN', password: TEST_PASSWORD } });
    const chosen = dataOf(await api.gql(LoginDocument, { input: { email, password: TEST_PASSWORD } })).login;
    expect(chosen.user).toMatchObject({ passwordChangeRequired: true });
    const shop = await signUp(api, 'SHOP');
    expect(dataOf(await api.gqlAs(shop.accessToken, MyPasswordStateDocument)).me.passwordChangeRequired).toBe(false);
  });

  it('keeps a chosen password and returns none', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const email = anEmail('admin');
    const { data } = await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email, role: 'ADMIN', password: TEST_PASSWORD } });
    expect(data?.createStaffUser).toMatchObject({ generatedPassword: null, user: { role: 'ADMIN' } });
  });

  it('answers a taken e-mail with EmailTakenError and adds no account', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const existing = await staffUser(api, UserRole.MINISTRY);
    const { data } = await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input: { email: existing.email, role: 'MINISTRY' } });
    expect(data?.createStaffUser).toMatchObject({ __typename: 'EmailTakenError', field: 'input.email' });
    expect(await countUsers(existing.email)).toBe(1);
  });

  it.each<[string, Partial<CreateStaffUserInput>, string, string]>([
    // A role of the schema's enum that staff accounts may not have.
    ['a shop or provider role', { role: 'SHOP' }, 'input.role', 'isIn'],
    ['a short password', { role: 'MINISTRY', password: 'corta' }, 'input.password', 'minLength'],
    ['a malformed e-mail', { role: 'MINISTRY', email: 'non-una-email' }, 'input.email', 'isEmail'],
  ])('refuses %s naming the field, and creates nothing', async (_label, override, field, code) => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const input: CreateStaffUserInput = { email: anEmail('staff'), role: 'MINISTRY', ...override };
    const { errors } = await api.gqlAs(admin.accessToken, CreateStaffUserDocument, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
    expect(await countUsers(input.email)).toBe(0);
  });

  it('refuses staff creation to ministry staff, shops and providers', async () => {
    const callers = [await staffUser(api, UserRole.MINISTRY), await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')];
    for (const caller of callers) {
      const email = anEmail('intruso');
      const { errors } = await api.gqlAs(caller.accessToken, CreateStaffUserDocument, { input: { email, role: 'ADMIN' } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countUsers(email)).toBe(0);
    }
  });

  it("shows ministry staff an entity's history, newest first, with before and after", async () => {
    const owner = await signUp(api, 'PROVIDER');
    const providerId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() })).registerProvider, 'Provider').id;
    const staff = await staffUser(api);
    const rejection = await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId, decision: 'REJECTED', reason: 'Documentazione incompleta' } });
    member(dataOf(rejection).verifyProvider, 'Provider');
    const page = await api.gqlAs(staff.accessToken, AuditEventsDocument, {
      filter: { entityType: 'provider', entityId: providerId },
      first: 10,
    });
    expect(page.data?.auditEvents.totalCount).toBe(2);
    expect(page.data?.auditEvents.items).toEqual([
      expect.objectContaining({ action: 'provider.rejected', actorUserId: staff.userId, actorRole: 'MINISTRY', after: expect.objectContaining({ verificationStatus: 'REJECTED' }) }),
      expect.objectContaining({ action: 'provider.registered', actorUserId: owner.userId, before: null }),
    ]);
    const byPrefix = await api.gqlAs(staff.accessToken, AuditEventsDocument, {
      filter: { actorUserId: staff.userId, action: 'provider.' },
      first: 10,
    });
    expect(byPrefix.data?.auditEvents.items.map((e) => e.action)).toEqual(['provider.rejected']);
  });

  it('refuses the audit log to shops and providers, and a reversed date range to anyone', async () => {
    for (const caller of [await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')]) {
      const { errors } = await api.gqlAs(caller.accessToken, AuditEventsDocument, { filter: {}, first: 5 });
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const staff = await staffUser(api);
    const { errors } = await api.gqlAs(staff.accessToken, AuditEventsDocument, { filter: { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }, first: 5 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.to', code: 'isAfter' })] });
  });
});
