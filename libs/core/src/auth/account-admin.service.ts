import { Injectable } from '@nestjs/common';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { AccountFilter, AccountStatus, ChangeStaffRole, SetAccountStatus } from './account-admin.commands';
import { UserAccountEntity } from './user-account.entity';
import { isStaffRole, UserRole } from './user-role';

/** An account as administrators see it: never its password hash. */
export interface AccountView {
  id: string;
  email: string;
  role: UserRole;
  createdAt: Date;
  disabledAt: Date | null;
  /** When it was erased at its owner's request (GDPR Art. 17): nothing can be changed on it any more. */
  erasedAt: Date | null;
  /** The shop's or the provider's name, for the accounts that registered one. */
  organisation: string | null;
}

export type AccountChangeOutcome =
  | { kind: 'changed'; account: AccountView }
  | { kind: 'not-found' }
  | { kind: 'own-account' }
  | { kind: 'last-admin' }
  | { kind: 'not-staff' }
  | { kind: 'erased' }
  | { kind: 'runs-organisation'; organisation: string; role: 'PROVIDER' | 'FACILITATOR' };

/**
 * One key for every change that could leave the platform without an active administrator: two
 * administrators disabling or demoting each other at the same moment take turns, and the second
 * counts what the first left.
 */
const ADMIN_GUARD_LOCK = 7_318_001;

const ACCOUNT_COLUMNS = `u.id, u.email, u.role, u.created_at, u.disabled_at, u.erased_at, COALESCE(s.trading_name, s.legal_name, p.name, f.name) AS organisation`;
const ACCOUNT_FROM = `user_account u LEFT JOIN shop s ON s.owner_user_id = u.id LEFT JOIN provider p ON p.owner_user_id = u.id LEFT JOIN facilitator f ON f.owner_user_id = u.id`;

interface AccountRow {
  id: string;
  email: string;
  role: UserRole;
  created_at: Date;
  disabled_at: Date | null;
  erased_at: Date | null;
  organisation: string | null;
}

const toView = (row: AccountRow): AccountView => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  erasedAt: row.erased_at,
  organisation: row.organisation,
});

/**
 * Account administration for administrators: find accounts, disable and re-enable them (a
 * disabled account's sessions end at once), change a staff member's role. Every change is audited
 * with its reason, and none may leave the platform without an active administrator.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  async list(ctx: RequestContext, filter: AccountFilter, page: PageRequest): Promise<Page<AccountView>> {
    requireActor(ctx, UserRole.ADMIN);
    const values: unknown[] = [];
    const add = (value: unknown): string => `$${values.push(value)}`;
    const where: string[] = [];
    const search = filter.search?.trim();
    if (search) {
      const pattern = add(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(u.email ILIKE ${pattern} OR s.legal_name ILIKE ${pattern} OR s.trading_name ILIKE ${pattern} OR p.name ILIKE ${pattern} OR f.name ILIKE ${pattern})`);
    }
    if (filter.role) where.push(`u.role = ${add(filter.role)}`);
    if (filter.status === AccountStatus.ACTIVE) where.push('u.disabled_at IS NULL');
    if (filter.status === AccountStatus.DISABLED) where.push('u.disabled_at IS NOT NULL');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.connection.manager(ctx);
    const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM ${ACCOUNT_FROM} ${clause}`, values)) as { total: number }[];
    const rows = (await manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} ${clause} ORDER BY u.email LIMIT ${add(page.first)} OFFSET ${add(page.offset)}`,
      values,
    )) as AccountRow[];
    return toPage(rows.map(toView), total, page);
  }

  /**
   * Disables (every session of the account ends at once: its refresh-token families are revoked,
   * and the access tokens naming them stop working at their next request) or re-enables an account.
   * Asking for the state it already has changes nothing and records nothing.
   */
  async setStatus(ctx: RequestContext, command: SetAccountStatus): Promise<AccountChangeOutcome> {
    const admin = requireActor(ctx, UserRole.ADMIN);
    const disable = command.status === AccountStatus.DISABLED;
    if (disable && command.userId === admin.userId) return { kind: 'own-account' };
    return this.connection.withTransaction(ctx, async (tx) => {
      const target = await this.lockTarget(tx, command.userId, disable);
      if (!target) return { kind: 'not-found' };
      // Erased at its owner's request: enabling it again would bring back nothing, and it stays closed.
      if (target.erasedAt) return { kind: 'erased' };
      if (disable === (target.disabledAt !== null)) return { kind: 'changed', account: await this.view(tx, target.id) };
      if (disable && target.role === UserRole.ADMIN && (await this.otherActiveAdmins(tx, target.id)) === 0) return { kind: 'last-admin' };
      if (disable) {
        const running = await this.organisationInForce(tx, target.id);
        if (running) return { kind: 'runs-organisation', ...running };
      }
      const disabledAt = disable ? tx.now : null;
      await this.connection.repository(tx, UserAccountEntity).update({ id: target.id }, { disabledAt });
      if (disable) {
        await this.connection.manager(tx).query(`UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [target.id, tx.now]);
        // Nobody can answer for a disabled shop: the places it holds or waits for go to others at once (the expiry sweep).
        if (target.role === UserRole.SHOP) await this.jobs.send(tx, JOB.EXPIRE_HOLDS, {});
      }
      await this.audit.record(tx, {
        action: disable ? 'user.disabled' : 'user.enabled',
        entityType: 'user',
        entityId: target.id,
        before: { disabledAt: target.disabledAt },
        after: { disabledAt, reason: command.reason },
      });
      return { kind: 'changed', account: await this.view(tx, target.id) };
    });
  }

  /**
   * The organisation (provider or facilitator) this account runs, while it is approved or awaiting
   * verification. Disabling the account alone would leave its offers in the catalogue, places held
   * for an answer nobody can give, and its shops' consents in force: staff suspend the organisation
   * first (which frees its places and tells its shops), then the account may go.
   */
  private async organisationInForce(tx: RequestContext, userId: string): Promise<{ organisation: string; role: 'PROVIDER' | 'FACILITATOR' } | null> {
    const rows: { name: string; role: 'PROVIDER' | 'FACILITATOR' }[] = await this.connection.manager(tx).query(
      `SELECT name, 'PROVIDER' AS role FROM provider WHERE owner_user_id = $1 AND verification_status IN ('APPROVED', 'PENDING')
       UNION ALL
       SELECT name, 'FACILITATOR' AS role FROM facilitator WHERE owner_user_id = $1 AND verification_status IN ('APPROVED', 'PENDING')`,
      [userId],
    );
    return rows[0] ? { organisation: rows[0].name, role: rows[0].role } : null;
  }

  /** Moves a staff member between MINISTRY and ADMIN; the new role applies from their next request. */
  async changeRole(ctx: RequestContext, command: ChangeStaffRole): Promise<AccountChangeOutcome> {
    const admin = requireActor(ctx, UserRole.ADMIN);
    if (!isStaffRole(command.role)) return { kind: 'not-staff' };
    if (command.userId === admin.userId) return { kind: 'own-account' };
    return this.connection.withTransaction(ctx, async (tx) => {
      const demotion = command.role !== UserRole.ADMIN;
      const target = await this.lockTarget(tx, command.userId, demotion);
      if (!target) return { kind: 'not-found' };
      if (target.erasedAt) return { kind: 'erased' };
      if (!isStaffRole(target.role)) return { kind: 'not-staff' };
      if (target.role === command.role) return { kind: 'changed', account: await this.view(tx, target.id) };
      if (demotion && target.disabledAt === null && (await this.otherActiveAdmins(tx, target.id)) === 0) return { kind: 'last-admin' };
      await this.connection.repository(tx, UserAccountEntity).update({ id: target.id }, { role: command.role });
      await this.audit.record(tx, {
        action: 'user.role_changed',
        entityType: 'user',
        entityId: target.id,
        before: { role: target.role },
        after: { role: command.role, reason: command.reason },
      });
      return { kind: 'changed', account: await this.view(tx, target.id) };
    });
  }

  /**
   * The account, locked for the change. A change that may remove an administrator first takes the
   * administrators' lock, so the count it then makes cannot be outdated by a concurrent change.
   */
  private async lockTarget(tx: RequestContext, userId: string, mayRemoveAdmin: boolean): Promise<UserAccountEntity | null> {
    if (mayRemoveAdmin) await this.connection.manager(tx).query('SELECT pg_advisory_xact_lock($1)', [ADMIN_GUARD_LOCK]);
    return this.connection.repository(tx, UserAccountEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  }

  private async otherActiveAdmins(tx: RequestContext, userId: string): Promise<number> {
    const [{ count }] = (await this.connection
      .manager(tx)
      .query(`SELECT count(*)::int AS count FROM user_account WHERE role = 'ADMIN' AND disabled_at IS NULL AND id <> $1`, [userId])) as { count: number }[];
    return count;
  }

  private async view(ctx: RequestContext, userId: string): Promise<AccountView> {
    const [row] = (await this.connection.manager(ctx).query(`SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE u.id = $1`, [userId])) as AccountRow[];
    return toView(row);
  }
}
