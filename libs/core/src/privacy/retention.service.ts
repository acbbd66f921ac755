import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { SYSTEM_REASON } from '../match/match-reasons';
import { ERASED_TEXT } from './personal-data.registry';
import { enterPersonalDataMaintenance } from './personal-data-maintenance';
import { RETENTION_RULES, RetentionCutoff, RetentionKind, RetentionPeriods, retentionCutoffs } from './retention-policy';
import { personWritten } from './person-written';

export interface RetentionLine extends RetentionCutoff {
  /** Rows expired and not yet purged (dry run), or purged now. */
  rows: number;
}

export interface RetentionReport {
  at: Date;
  lines: RetentionLine[];
}

/** Closed requests whose last change is older than the cutoff ($1), not yet pseudonymised. */
const EXPIRED_REQUESTS = `SELECT r.id FROM help_request r
  WHERE r.status IN ('FULFILLED', 'CANCELLED') AND coalesce(r.cancelled_at, r.updated_at) < $1
    AND NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND (m.state IN ('WAITLISTED', 'PENDING', 'ACCEPTED', 'ACTIVE') OR greatest(m.completed_at, m.ended_at) >= $1))`;

/** An audit event's JSON (`before` or `after`) that still carries a person's words: a request's description, or a reason that is not a platform code. */
const CARRIES_WORDS = (json: string): string =>
  `(${json} ? 'description' OR ${personWritten(`${json}->>'reason'`)} OR ${personWritten(`${json}->>'endReason'`)})`;

/** The same JSON without those words; the platform's reason codes stay, as in the match's own history. */
const WITHOUT_WORDS = (json: string): string =>
  `${json} - 'description' - (CASE WHEN ${personWritten(`${json}->>'reason'`)} THEN 'reason' ELSE '' END)
           - (CASE WHEN ${personWritten(`${json}->>'endReason'`)} THEN 'endReason' ELSE '' END)`;

/** Audit events of the request (`x.id`) or of its matches. */
const ABOUT_REQUEST = (request: string): string =>
  `((a.entity_type = 'help_request' AND a.entity_id = ${request}::text)
     OR (a.entity_type = 'match' AND a.entity_id IN (SELECT m.id::text FROM match m WHERE m.help_request_id = ${request})))`;

/** The audit events of those requests and of their matches that still carry a person's words. */
const EXPIRED_REQUEST_AUDITS = `SELECT a.id FROM audit_event a JOIN (${EXPIRED_REQUESTS}) x ON ${ABOUT_REQUEST('x.id')}
  WHERE ${CARRIES_WORDS('a.before')} OR ${CARRIES_WORDS('a.after')}`;

/**
 * Invitations never accepted that ended before the cutoff ($1) and still hold the address they
 * were sent to: declined, withdrawn, or left unanswered until their link lapsed.
 */
const ENDED_INVITATIONS = `SELECT d.id FROM delegation d
  WHERE d.activated_at IS NULL AND d.invited_email IS NOT NULL
    AND (CASE WHEN d.status = 'INVITED' THEN d.link_expires_at ELSE d.ended_at END) < $1`;

/** E-mails that are done with, whatever became of them: sent, given up, left uncertain, or gathered into a digest (itself an e-mail here). */
const MAIL_DONE = `status IN ('SENT', 'FAILED', 'UNCERTAIN', 'DEV_MAILBOX', 'DIGESTED')`;

/** For each kind: how to count what expired ($1 the cutoff; $2, where used, the system reason codes), and how to purge it. */
const STATEMENTS: Record<RetentionKind, { count: string; purge: string[] }> = {
  [RetentionKind.CLOSED_REQUESTS]: {
    count: `SELECT count(*)::int AS n FROM (${EXPIRED_REQUESTS}) x
              WHERE EXISTS (SELECT 1 FROM help_request r WHERE r.id = x.id AND r.description <> '${ERASED_TEXT}')
                 OR EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = x.id AND ${personWritten('m.end_reason')})
                 OR EXISTS (SELECT 1 FROM match m JOIN match_transition t ON t.match_id = m.id WHERE m.help_request_id = x.id AND ${personWritten('t.reason')})
                 OR EXISTS (SELECT 1 FROM audit_event a WHERE ${ABOUT_REQUEST('x.id')} AND (${CARRIES_WORDS('a.before')} OR ${CARRIES_WORDS('a.after')}))`,
    purge: [
      // The audit trail kept copies of the same words (a request created, a match withdrawn with its reason).
      `UPDATE audit_event a SET before = ${WITHOUT_WORDS('a.before')}, after = ${WITHOUT_WORDS('a.after')} WHERE a.id IN (${EXPIRED_REQUEST_AUDITS})`,
      `UPDATE match_transition t SET reason = NULL FROM match m WHERE m.id = t.match_id AND m.help_request_id IN (${EXPIRED_REQUESTS}) AND ${personWritten('t.reason')}`,
      `UPDATE match m SET end_reason = NULL WHERE m.help_request_id IN (${EXPIRED_REQUESTS}) AND ${personWritten('m.end_reason')}`,
      `UPDATE help_request SET description = '${ERASED_TEXT}' WHERE id IN (${EXPIRED_REQUESTS}) AND description <> '${ERASED_TEXT}'`,
    ],
  },
  [RetentionKind.NOTIFICATIONS]: {
    count: `SELECT count(*)::int AS n FROM notification WHERE created_at < $1`,
    purge: [`DELETE FROM notification WHERE created_at < $1`],
  },
  [RetentionKind.SESSIONS]: {
    // Sign-in sessions and the e-mailed links (verification, password reset, new address) alike.
    count: `SELECT ((SELECT count(*) FROM refresh_token WHERE expires_at < $1) + (SELECT count(*) FROM account_token WHERE expires_at < $1))::int AS n`,
    purge: [`DELETE FROM refresh_token WHERE expires_at < $1`, `DELETE FROM account_token WHERE expires_at < $1`],
  },
  [RetentionKind.MAIL]: {
    count: `SELECT count(*)::int AS n FROM mail_message WHERE ${MAIL_DONE} AND created_at < $1`,
    purge: [`DELETE FROM mail_message WHERE ${MAIL_DONE} AND created_at < $1`],
  },
  [RetentionKind.IMPORTS]: {
    // Finished ones only (an import under way is never cut); their rows go with them (ON DELETE CASCADE).
    count: `SELECT count(*)::int AS n FROM import_job WHERE status <> 'RUNNING' AND coalesce(finished_at, created_at) < $1`,
    purge: [`DELETE FROM import_job WHERE status <> 'RUNNING' AND coalesce(finished_at, created_at) < $1`],
  },
  [RetentionKind.INVITATIONS]: {
    // The address goes from the invitation, from the trail's copy of it, and with the e-mail that carried the link; the row stays, for the facilitator's history.
    count: `SELECT count(*)::int AS n FROM (${ENDED_INVITATIONS}) x`,
    purge: [
      `UPDATE audit_event SET before = before - 'invitedEmail', after = after - 'invitedEmail'
        WHERE entity_type = 'delegation' AND entity_id IN (SELECT id::text FROM (${ENDED_INVITATIONS}) x) AND (before ? 'invitedEmail' OR after ? 'invitedEmail')`,
      `DELETE FROM mail_message WHERE idempotency_key IN (SELECT 'delegation:' || x.id || ':invitation' FROM (${ENDED_INVITATIONS}) x) AND ${MAIL_DONE}`,
      `UPDATE delegation SET invited_email = NULL, link_secret_hash = NULL WHERE id IN (${ENDED_INVITATIONS})`,
    ],
  },
  [RetentionKind.AUDIT_EVENTS]: {
    count: `SELECT count(*)::int AS n FROM audit_event WHERE occurred_at < $1`,
    purge: [`DELETE FROM audit_event WHERE occurred_at < $1`],
  },
};

/** The cutoff, and the system reason codes for the statements that tell a person's words from them. */
const paramsOf = (statement: string, cutoff: RetentionCutoff): unknown[] =>
  statement.includes('$2') ? [cutoff.cutoff, Object.values(SYSTEM_REASON)] : [cutoff.cutoff];

/**
 * Retention: each kind of data is kept for the period configured (RETENTION_*_DAYS), then the
 * daily job deletes it or, where the statistics need the rows, pseudonymises it. The same
 * statements count what has expired for the staff's dry run. Running twice changes nothing more,
 * and each run that changed something is audited with its counts.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly config: ConfigService,
  ) {}

  /** The periods configured, in days. */
  periods(): RetentionPeriods {
    const days = (kind: RetentionKind): number => this.config.getOrThrow<number>(RETENTION_RULES[kind].variable);
    return Object.fromEntries(Object.values(RetentionKind).map((kind) => [kind, days(kind)])) as Record<RetentionKind, number>;
  }

  /** What the job would purge now, for staff (nothing changes). */
  async dryRun(ctx: RequestContext): Promise<RetentionReport> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.expired(ctx);
  }

  /** The same report without an actor: the command line's dry run. */
  async expired(ctx: RequestContext): Promise<RetentionReport> {
    const manager = this.connection.manager(ctx);
    const lines = await Promise.all(
      retentionCutoffs(ctx.now, this.periods()).map(async (cutoff) => ({ ...cutoff, rows: await this.count(manager, cutoff) })),
    );
    return { at: ctx.now, lines };
  }

  /** The daily job: purges or pseudonymises everything expired, in one transaction. */
  async purge(ctx: RequestContext): Promise<RetentionReport> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const manager = this.connection.manager(tx);
      await enterPersonalDataMaintenance(manager);
      const lines: RetentionLine[] = [];
      for (const cutoff of retentionCutoffs(tx.now, this.periods())) {
        const rows = await this.count(manager, cutoff);
        for (const statement of STATEMENTS[cutoff.kind].purge) await manager.query(statement, paramsOf(statement, cutoff));
        lines.push({ ...cutoff, rows });
      }
      const purged = lines.filter((line) => line.rows > 0);
      if (purged.length > 0) {
        await this.audit.record(tx, {
          action: 'retention.purged',
          entityType: 'retention',
          entityId: tx.now.toISOString().slice(0, 10),
          after: Object.fromEntries(purged.map((line) => [line.kind, { rows: line.rows, days: line.days, action: line.action }])),
        });
      }
      return { at: tx.now, lines };
    });
  }

  private async count(manager: EntityManager, cutoff: RetentionCutoff): Promise<number> {
    const [row] = await manager.query(STATEMENTS[cutoff.kind].count, paramsOf(STATEMENTS[cutoff.kind].count, cutoff));
    return row.n;
  }
}
