import type { EntityManager } from 'typeorm';
import type { PageRequest } from '../common/pagination';
import { DAY_MS } from '../common/time';
import { OutcomeCheckpoint, TIMED_CHECKPOINT_DAYS, type TimedCheckpoint } from '../match/match.types';
import type { DelegatedShopFilter } from './delegation.commands';

/** One shop on a facilitator's desk, with where it stands. */
export interface DelegatedShopRow {
  delegationId: string;
  consent: 'SHOP' | 'PAPER';
  paperDeclaredOn: string | null;
  activatedAt: Date;
  shopId: string;
  shopName: string;
  comuneCode: string;
  comuneName: string;
  atecoSection: string;
  /** Registered by the facilitator and not yet claimed by its owner. */
  unclaimed: boolean;
  /** Unclaimed and registered on paper: the address its claim link went to, and until when the link works (null once used). */
  claimLinkSentTo: string | null;
  claimLinkExpiresAt: Date | null;
  /** Its owner's account was disabled by an administrator: nobody may act in its name until it is enabled again. */
  ownerDisabled: boolean;
  requests: number;
  openRequests: number;
  matchesToConfirm: number;
  surveysDue: number;
  /** The shop's offer to another facilitator waiting for an answer, if the facilitator made one. */
  pendingHandover: PendingHandoverRow | null;
}

/** A handover of the shop offered by the desk's facilitator, not answered yet. */
export interface PendingHandoverRow {
  id: string;
  toFacilitatorName: string;
  createdAt: Date;
}

/**
 * The shops a facilitator acts for now (live delegations), by name, with their requests, the
 * matches the shop must confirm (ACCEPTED) and the outcome surveys it may answer and has not
 * (the rules of match/surveys-due.ts: at completion, 30 and 90 days after activation), and the
 * handover of the shop the facilitator offered, while it waits. One statement reading the shops',
 * requests', matches' and facilitators' tables; their features write them.
 */
export async function delegatedShops(
  manager: EntityManager,
  facilitatorId: string,
  filter: DelegatedShopFilter & { category?: string },
  page: PageRequest,
  now: Date,
): Promise<{ rows: DelegatedShopRow[]; total: number }> {
  // The survey checkpoints' rule (match/surveys-due.ts), in SQL: activated at least this long ago.
  const activatedBy = (checkpoint: TimedCheckpoint): Date => new Date(now.getTime() - TIMED_CHECKPOINT_DAYS[checkpoint] * DAY_MS);
  const params: unknown[] = [facilitatorId, activatedBy(OutcomeCheckpoint.DAY_30), activatedBy(OutcomeCheckpoint.DAY_90)];
  const where = [`d.facilitator_id = $1`, `d.status = 'ACTIVE'`];
  if (filter.comuneCode) where.push(`s.comune_code = $${params.push(filter.comuneCode)}`);
  if (filter.atecoSection) where.push(`s.ateco_section = $${params.push(filter.atecoSection)}`);
  if (filter.category) where.push(`EXISTS (SELECT 1 FROM help_request c WHERE c.shop_id = s.id AND c.category = $${params.push(filter.category)})`);
  const first = params.push(page.first);
  const offset = params.push(page.offset);
  const rows: (Omit<DelegatedShopRow, 'requests' | 'openRequests' | 'matchesToConfirm' | 'surveysDue' | 'pendingHandover'> &
    Record<'requests' | 'openRequests' | 'matchesToConfirm' | 'surveysDue' | 'total', number> &
    Record<'pendingHandoverId' | 'pendingHandoverTo', string | null> & { pendingHandoverAt: Date | null })[] = await manager.query(
      `SELECT d.id AS "delegationId", d.consent, to_char(d.paper_declared_on, 'YYYY-MM-DD') AS "paperDeclaredOn", d.activated_at AS "activatedAt",
              s.id AS "shopId", coalesce(s.trading_name, s.legal_name) AS "shopName", s.comune_code AS "comuneCode", cm.name AS "comuneName", s.ateco_section AS "atecoSection",
              s.owner_user_id IS NULL AS unclaimed,
              CASE WHEN s.owner_user_id IS NULL AND d.consent = 'PAPER' THEN d.invited_email END AS "claimLinkSentTo",
              CASE WHEN s.owner_user_id IS NULL AND d.consent = 'PAPER' AND d.link_used_at IS NULL THEN d.link_expires_at END AS "claimLinkExpiresAt",
              EXISTS (SELECT 1 FROM user_account ou WHERE ou.id = s.owner_user_id AND ou.disabled_at IS NOT NULL) AS "ownerDisabled",
              (SELECT count(*)::int FROM help_request r WHERE r.shop_id = s.id) AS requests,
              (SELECT count(*)::int FROM help_request r WHERE r.shop_id = s.id AND r.status = 'OPEN') AS "openRequests",
              (SELECT count(*)::int FROM match m WHERE m.shop_id = s.id AND m.state = 'ACCEPTED') AS "matchesToConfirm",
              (SELECT count(*)::int FROM match m CROSS JOIN LATERAL (VALUES
                   ('COMPLETION', m.state = 'COMPLETED'),
                   ('DAY_30', m.state IN ('ACTIVE', 'COMPLETED') AND m.activated_at <= $2),
                   ('DAY_90', m.state IN ('ACTIVE', 'COMPLETED') AND m.activated_at <= $3)) AS c(checkpoint, due)
                 WHERE m.shop_id = s.id AND c.due
                   AND NOT EXISTS (SELECT 1 FROM outcome_survey v WHERE v.match_id = m.id AND v.checkpoint::text = c.checkpoint)) AS "surveysDue",
              ph.id AS "pendingHandoverId", ph.name AS "pendingHandoverTo", ph.created_at AS "pendingHandoverAt",
              count(*) OVER ()::int AS total
       FROM delegation d JOIN shop s ON s.id = d.shop_id JOIN comune cm ON cm.code = s.comune_code
       LEFT JOIN LATERAL (SELECT h.id, tf.name, h.created_at FROM delegation_handover h JOIN facilitator tf ON tf.id = h.to_facilitator_id
                           WHERE h.from_delegation_id = d.id AND h.status = 'PENDING') ph ON true
       WHERE ${where.join(' AND ')}
       ORDER BY lower(coalesce(s.trading_name, s.legal_name)), s.id
       LIMIT $${first} OFFSET $${offset}`,
      params,
    );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countOnly(manager, where, params.slice(0, -2)) : 0);
  return {
    rows: rows.map(({ total: _total, pendingHandoverId, pendingHandoverTo, pendingHandoverAt, ...row }) => ({
      ...row,
      pendingHandover: pendingHandoverId && pendingHandoverAt ? { id: pendingHandoverId, toFacilitatorName: pendingHandoverTo ?? '', createdAt: pendingHandoverAt } : null,
    })),
    total,
  };
}

/** The count alone, for a page past the end. */
async function countOnly(manager: EntityManager, where: string[], params: unknown[]): Promise<number> {
  const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM delegation d JOIN shop s ON s.id = d.shop_id WHERE $2::timestamptz < $3::timestamptz IS NOT NULL AND ${where.join(' AND ')}`, params);
  return row?.n ?? 0;
}
