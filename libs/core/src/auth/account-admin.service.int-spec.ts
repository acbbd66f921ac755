import { createScratchDatabase } from '../testing/test-database';
import { AccountErasureService } from '../privacy/account-erasure.service';
import { seedPersonLife } from '../testing/personal-data-fixture';
import { seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { AccountStatus } from './account-admin.commands';
import { AccountAdminService, AccountChangeOutcome } from './account-admin.service';
import { UserRole } from './user-role';

describe('account administration keeps an active administrator (a database of its own, real PostgreSQL)', () => {
  let core: TestCore;
  let drop: () => Promise<void>;
  let accounts: AccountAdminService;
  beforeAll(async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    drop = scratch.drop;
    core = await startTestCore({ url: scratch.url });
    accounts = core.app.get(AccountAdminService);
  });
  afterAll(async () => {
    await core.close();
    await drop();
  });

  const activeAdmins = async (): Promise<number> =>
    (await core.db.query(`SELECT count(*)::int AS count FROM user_account WHERE role = 'ADMIN' AND disabled_at IS NULL`))[0].count;
  const onlyTwoAdmins = async () => {
    await core.db.query(`UPDATE user_account SET disabled_at = now() WHERE role = 'ADMIN' AND disabled_at IS NULL`);
    return [await seedUser(core.db, UserRole.ADMIN), await seedUser(core.db, UserRole.ADMIN)] as const;
  };
  const kinds = (outcomes: AccountChangeOutcome[]): string[] => outcomes.map((o) => o.kind).sort();

  it('lets only one of two administrators disabling each other at once succeed, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await onlyTwoAdmins();
      const outcomes = await Promise.all([
        accounts.setStatus(actingAs(a), { userId: b.userId, status: AccountStatus.DISABLED, reason: 'Revoca reciproca' }),
        accounts.setStatus(actingAs(b), { userId: a.userId, status: AccountStatus.DISABLED, reason: 'Revoca reciproca' }),
      ]);
      expect(kinds(outcomes)).toEqual(['changed', 'last-admin']);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('lets only one of two administrators demoting each other at once succeed, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await onlyTwoAdmins();
      const outcomes = await Promise.all([
        accounts.changeRole(actingAs(a), { userId: b.userId, role: UserRole.MINISTRY, reason: 'Revoca reciproca' }),
        accounts.changeRole(actingAs(b), { userId: a.userId, role: UserRole.MINISTRY, reason: 'Revoca reciproca' }),
      ]);
      expect(kinds(outcomes)).toEqual(['changed', 'last-admin']);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('counts only active administrators: a disabled one may be demoted, and re-enabled', async () => {
    const [a, b] = await onlyTwoAdmins();
    expect((await accounts.setStatus(actingAs(a), { userId: b.userId, status: AccountStatus.DISABLED, reason: 'Assenza prolungata' })).kind).toBe('changed');
    expect((await accounts.changeRole(actingAs(a), { userId: b.userId, role: UserRole.MINISTRY, reason: 'Fine incarico' })).kind).toBe('changed');
    const enabled = await accounts.setStatus(actingAs(a), { userId: b.userId, status: AccountStatus.ACTIVE, reason: 'Rientro in servizio' });
    expect(enabled).toMatchObject({ kind: 'changed', account: { role: UserRole.MINISTRY, disabledAt: null } });
    expect(await activeAdmins()).toBe(1);
  });

  it('refuses every change to an erased account, saying why, and changes and records nothing', async () => {
    const admin = actingAs(await seedUser(core.db, UserRole.ADMIN));
    const person = await seedPersonLife(core.db);
    expect(await core.app.get(AccountErasureService).eraseOwnAccount(actingAs(person.owner), person.password)).toMatchObject({ kind: 'erased' });
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    await core.db.query(`UPDATE user_account SET disabled_at = now(), erased_at = now() WHERE id = $1`, [staff.userId]);
    const rows = async (userId: string): Promise<unknown[]> =>
      core.db.query(
        `SELECT u.role, u.disabled_at IS NOT NULL AS disabled, (SELECT count(*)::int FROM audit_event a WHERE a.entity_id = u.id::text AND a.action IN ('user.enabled', 'user.disabled', 'user.role_changed')) AS changes
           FROM user_account u WHERE u.id = $1`,
        [userId],
      );

    const enabled = await accounts.setStatus(admin, { userId: person.owner.userId, status: AccountStatus.ACTIVE, reason: 'Richiesta di riattivazione' });
    expect(enabled).toEqual({ kind: 'erased' });
    expect(await accounts.setStatus(admin, { userId: person.owner.userId, status: AccountStatus.DISABLED, reason: 'Conferma della chiusura' })).toEqual({ kind: 'erased' });
    expect(await rows(person.owner.userId)).toEqual([{ role: UserRole.SHOP, disabled: true, changes: 0 }]);

    expect(await accounts.setStatus(admin, { userId: staff.userId, status: AccountStatus.ACTIVE, reason: 'Rientro in servizio' })).toEqual({ kind: 'erased' });
    expect(await accounts.changeRole(admin, { userId: staff.userId, role: UserRole.ADMIN, reason: 'Nuovo incarico' })).toEqual({ kind: 'erased' });
    expect(await rows(staff.userId)).toEqual([{ role: UserRole.MINISTRY, disabled: true, changes: 0 }]);
    // The list says erased, so the page offers nothing that would only be refused.
    const [{ email }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [person.owner.userId]);
    const listed = await accounts.list(admin, { search: email }, { first: 5, offset: 0 });
    expect(listed.items.map((item) => [item.id, item.erasedAt instanceof Date])).toEqual([[person.owner.userId, true]]);
  });
});
