import { UserRole } from '@vec/core';
import { DataSource } from 'typeorm';
import {
  AccountsDocument,
  ChangeStaffRoleDocument,
  LoginDocument,
  MeDocument,
  RefreshSessionDocument,
  DecideProviderDocument,
  RegisterProviderDocument,
  RegisterShopDocument,
  SetAccountStatusDocument,
} from './gql/generated';
import { aProviderInput, aShopInput, signUp, staffUser, TEST_PASSWORD } from './testing/fixtures';
import { facilitatorAccount } from './testing/delegation-fixtures';
import { dataOf, invalidVariables, member, startTestApp, TestApp } from './testing/test-app';

describe('Account administration over GraphQL (a database of its own: it counts the administrators)', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const auditOf = async (userId: string): Promise<{ action: string; actor_user_id: string; after: Record<string, unknown> }[]> =>
    db.query(`SELECT action, actor_user_id, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action IN ('user.disabled', 'user.enabled', 'user.role_changed') ORDER BY id`, [userId]);
  const activeAdmins = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS count FROM user_account WHERE role = 'ADMIN' AND disabled_at IS NULL`))[0].count;

  it('lets only administrators list accounts or change them', async () => {
    const target = await signUp(api, 'SHOP');
    const callers = [await staffUser(api, UserRole.MINISTRY), await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')];
    for (const caller of callers) {
      const list = await api.gqlAs(caller.accessToken, AccountsDocument, { filter: {}, first: 5 });
      expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const disable = await api.gqlAs(caller.accessToken, SetAccountStatusDocument, { input: { userId: target.userId, status: 'DISABLED', reason: 'Prova di intrusione' } });
      expect(disable.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const promote = await api.gqlAs(caller.accessToken, ChangeStaffRoleDocument, { input: { userId: caller.userId, role: 'ADMIN', reason: 'Prova di intrusione' } });
      expect(promote.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await db.query('SELECT disabled_at FROM user_account WHERE id = $1', [target.userId]))[0].disabled_at).toBeNull();
  });

  it('finds accounts by part of the e-mail or of the organisation, by role and by status', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const shop = await signUp(api, 'SHOP');
    const name = `Ferramenta Cercata ${shop.userId.slice(0, 8)}`;
    member(dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: name }) })).registerShop, 'Shop');
    const byName = dataOf(await api.gqlAs(admin.accessToken, AccountsDocument, { filter: { search: name.toUpperCase() }, first: 10 })).accounts;
    expect(byName.items).toEqual([expect.objectContaining({ id: shop.userId, role: 'SHOP', status: 'ACTIVE', organisation: name })]);
    const byEmail = dataOf(await api.gqlAs(admin.accessToken, AccountsDocument, { filter: { search: shop.email.slice(0, 20) }, first: 10 })).accounts;
    expect(byEmail.items.map((a) => a.id)).toEqual([shop.userId]);
    const admins = dataOf(await api.gqlAs(admin.accessToken, AccountsDocument, { filter: { role: 'ADMIN', status: 'ACTIVE' }, first: 100 })).accounts;
    expect(admins.items.map((a) => a.id)).toContain(admin.userId);
    expect(admins.items.every((a) => a.role === 'ADMIN' && a.status === 'ACTIVE')).toBe(true);
    expect(admins.items.map((a) => a.id)).not.toContain(shop.userId);
    // A facilitator's account shows and is found by its organisation, as a shop's and a provider's are.
    const facilitator = await facilitatorAccount(api, admin, null);
    const byOrganisation = dataOf(await api.gqlAs(admin.accessToken, AccountsDocument, { filter: { search: facilitator.name.toLowerCase(), role: 'FACILITATOR' }, first: 10 })).accounts;
    expect(byOrganisation.items).toEqual([expect.objectContaining({ id: facilitator.userId, role: 'FACILITATOR', organisation: facilitator.name })]);
  });

  it('disables an account with a reason: its sessions end at once and it cannot sign in, until it is enabled again', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const user = await signUp(api, 'PROVIDER');
    expect(dataOf(await api.gqlAs(user.accessToken, MeDocument)).me.id).toBe(user.userId);

    const disabled = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: user.userId, status: 'DISABLED', reason: 'Segnalazione di uso improprio' } });
    expect(member(dataOf(disabled).setAccountStatus, 'Account')).toMatchObject({ status: 'DISABLED', disabledAt: expect.any(String) });

    const me = await api.gqlAs(user.accessToken, MeDocument);
    expect(me.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const refresh = await api.gql(RefreshSessionDocument, { input: { refreshToken: user.refreshToken } });
    expect(refresh.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const login = await api.gql(LoginDocument, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(login.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DISABLED' });
    expect((await db.query('SELECT count(*)::int AS live FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [user.userId]))[0].live).toBe(0);

    const enabled = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: user.userId, status: 'ACTIVE', reason: 'Verifica conclusa, nessun abuso' } });
    expect(member(dataOf(enabled).setAccountStatus, 'Account')).toMatchObject({ status: 'ACTIVE', disabledAt: null });
    expect(dataOf(await api.gql(LoginDocument, { input: { email: user.email, password: TEST_PASSWORD } })).login.user.id).toBe(user.userId);
    expect(await auditOf(user.userId)).toEqual([
      { action: 'user.disabled', actor_user_id: admin.userId, after: expect.objectContaining({ reason: 'Segnalazione di uso improprio' }) },
      { action: 'user.enabled', actor_user_id: admin.userId, after: { disabledAt: null, reason: 'Verifica conclusa, nessun abuso' } },
    ]);
  });

  it('does not disable the account of an organisation still in force: staff suspend the organisation first, then the account goes', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const minister = await staffUser(api, UserRole.MINISTRY);
    const owner = await signUp(api, 'PROVIDER');
    const providerId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name: 'Consegne Lampo S.r.l.' }) })).registerProvider, 'Provider').id;
    await api.gqlAs(minister.accessToken, DecideProviderDocument, { input: { providerId, decision: 'APPROVED' } });

    const refused = dataOf(await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: owner.userId, status: 'DISABLED', reason: 'Segnalazione di uso improprio' } })).setAccountStatus;
    expect(refused).toMatchObject({ __typename: 'AccountRunsOrganisationError', code: 'ACCOUNT_RUNS_ORGANISATION', field: 'input.userId' });
    expect(refused).toMatchObject({ messageIt: expect.stringMatching(/^Questo account gestisce Consegne Lampo S\.r\.l\., un fornitore ancora approvato .*prima sospendilo o respingilo/) });
    expect(dataOf(await api.gqlAs(owner.accessToken, MeDocument)).me.id).toBe(owner.userId);
    expect(await auditOf(owner.userId)).toEqual([]);

    await api.gqlAs(minister.accessToken, DecideProviderDocument, { input: { providerId, decision: 'SUSPENDED', reason: 'Segnalazione di uso improprio' } });
    const disabled = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: owner.userId, status: 'DISABLED', reason: 'Segnalazione di uso improprio' } });
    expect(member(dataOf(disabled).setAccountStatus, 'Account')).toMatchObject({ status: 'DISABLED' });
    // A facilitator's account the same, while its organisation acts for shops.
    const facilitator = await facilitatorAccount(api, minister);
    const facilitatorRefused = dataOf(await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: facilitator.userId, status: 'DISABLED', reason: 'Segnalazione di uso improprio' } })).setAccountStatus;
    expect(facilitatorRefused).toMatchObject({ __typename: 'AccountRunsOrganisationError', messageIt: expect.stringContaining('un facilitatore ancora approvato') });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing reason', {}, 'isDefined'],
    ['an empty reason', { reason: '   ' }, 'minLength'],
    ['a reason too short to say anything', { reason: 'boh' }, 'minLength'],
  ])('refuses %s naming input.reason, and changes nothing', async (_label, reason, code) => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const user = await signUp(api, 'SHOP');
    const minister = await staffUser(api, UserRole.MINISTRY);
    const disable = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, invalidVariables({ input: { userId: user.userId, status: 'DISABLED', ...reason } }));
    expect(disable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason', code })] });
    const promote = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, invalidVariables({ input: { userId: minister.userId, role: 'ADMIN', ...reason } }));
    expect(promote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason', code })] });
    expect(dataOf(await api.gqlAs(user.accessToken, MeDocument)).me.id).toBe(user.userId);
    expect(dataOf(await api.gqlAs(minister.accessToken, MeDocument)).me.role).toBe('MINISTRY');
    expect([...(await auditOf(user.userId)), ...(await auditOf(minister.userId))]).toEqual([]);
  });

  it('moves staff between MINISTRY and ADMIN, effective at their next request; never a shop or provider', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const minister = await staffUser(api, UserRole.MINISTRY);
    const promoted = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, { input: { userId: minister.userId, role: 'ADMIN', reason: 'Nuovo responsabile degli accessi' } });
    expect(member(dataOf(promoted).changeStaffRole, 'Account').role).toBe('ADMIN');
    expect(dataOf(await api.gqlAs(minister.accessToken, AccountsDocument, { filter: {}, first: 1 })).accounts.totalCount).toBeGreaterThan(0);
    const demoted = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, { input: { userId: minister.userId, role: 'MINISTRY', reason: 'Fine dell’incarico' } });
    expect(member(dataOf(demoted).changeStaffRole, 'Account').role).toBe('MINISTRY');
    expect((await api.gqlAs(minister.accessToken, AccountsDocument, { filter: {}, first: 1 })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await auditOf(minister.userId)).map((e) => [e.action, e.after.role])).toEqual([
      ['user.role_changed', 'ADMIN'],
      ['user.role_changed', 'MINISTRY'],
    ]);

    const shop = await signUp(api, 'SHOP');
    const refused = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, { input: { userId: shop.userId, role: 'MINISTRY', reason: 'Non dovrebbe riuscire' } });
    expect(member(dataOf(refused).changeStaffRole, 'NotStaffAccountError').field).toBe('input.userId');
    const toShop = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, { input: { userId: minister.userId, role: 'SHOP', reason: 'Non dovrebbe riuscire' } });
    expect(toShop.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.role', code: 'isIn' })] });
  });

  it('never lets administrators disable or demote themselves', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const disable = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: admin.userId, status: 'DISABLED', reason: 'Vado in pensione' } });
    expect(member(dataOf(disable).setAccountStatus, 'OwnAccountError').code).toBe('OWN_ACCOUNT');
    const demote = await api.gqlAs(admin.accessToken, ChangeStaffRoleDocument, { input: { userId: admin.userId, role: 'MINISTRY', reason: 'Vado in pensione' } });
    expect(member(dataOf(demote).changeStaffRole, 'OwnAccountError').code).toBe('OWN_ACCOUNT');
    expect(dataOf(await api.gqlAs(admin.accessToken, MeDocument)).me.role).toBe('ADMIN');
  });

  it('answers an unknown account with AccountNotFoundError', async () => {
    const admin = await staffUser(api, UserRole.ADMIN);
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const result = await api.gqlAs(admin.accessToken, SetAccountStatusDocument, { input: { userId: unknown, status: 'DISABLED', reason: 'Account inesistente' } });
    expect(member(dataOf(result).setAccountStatus, 'AccountNotFoundError').field).toBe('input.userId');
  });

  it.each([
    ['disable', (userId: string) => ({ userId, status: 'DISABLED' as const, reason: 'Revoca reciproca' })],
    ['demote', (userId: string) => ({ userId, role: 'MINISTRY' as const, reason: 'Revoca reciproca' })],
  ] as const)('keeps one active administrator when the last two %s each other at the same moment', async (label, inputFor) => {
    // Leave exactly two active administrators, then let each remove the other concurrently.
    await db.query(`UPDATE user_account SET disabled_at = now() WHERE role = 'ADMIN' AND disabled_at IS NULL`);
    const [first, second] = [await staffUser(api, UserRole.ADMIN), await staffUser(api, UserRole.ADMIN)];
    expect(await activeAdmins()).toBe(2);
    const send = async (caller: typeof first, target: typeof first): Promise<string> => {
      const input = inputFor(target.userId);
      const response =
        'status' in input
          ? await api.gqlAs(caller.accessToken, SetAccountStatusDocument, { input }).then((r) => ({ errors: r.errors, typename: r.data?.setAccountStatus.__typename }))
          : await api.gqlAs(caller.accessToken, ChangeStaffRoleDocument, { input }).then((r) => ({ errors: r.errors, typename: r.data?.changeStaffRole.__typename }));
      return response.typename ?? String(response.errors?.[0].extensions.code);
    };
    const outcomes = await Promise.all([send(first, second), send(second, first)]);
    // One wins. The other is refused by the rule, or, when the winner committed before its request
    // was even authenticated, by its own account being already disabled or demoted.
    expect(outcomes.filter((o) => o === 'Account')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'Account')).toEqual([expect.stringMatching(label === 'disable' ? /^(LastAdminError|UNAUTHENTICATED)$/ : /^(LastAdminError|FORBIDDEN)$/)]);
    expect(await activeAdmins()).toBe(1);
  });
});
