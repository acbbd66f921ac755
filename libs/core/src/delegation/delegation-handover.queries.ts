import type { EntityManager } from 'typeorm';
import type { PageRequest } from '../common/pagination';
import type { VerificationStatus } from '../provider/provider.types';
import { HandoverStatus, MAX_HANDOVER_CHAIN } from './delegation-handover.types';

/** A handover as both organisations read it: the shop, the two organisations, where it stands. */
export interface HandoverRow {
  id: string;
  status: HandoverStatus;
  shopId: string;
  shopName: string;
  comuneName: string;
  /** The date on the paper declaration the shop's owner signed. */
  paperDeclaredOn: string | null;
  /** The owner has claimed the shop since it was offered: only the owner decides now. */
  shopClaimed: boolean;
  fromDelegationId: string;
  fromFacilitatorId: string;
  fromFacilitatorName: string;
  toFacilitatorId: string;
  toFacilitatorName: string;
  toDelegationId: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** Which handovers: one by id, or an organisation's pending ones, offered to it (INCOMING) or by it (OUTGOING). */
export type HandoverSelection = { id: string } | { facilitatorId: string; direction: 'INCOMING' | 'OUTGOING' };

/**
 * Handovers with the names their readers need, in one statement over the handover, shop, comune,
 * delegation and facilitator tables (read only: their features write them). Newest first.
 */
export async function handoverRows(manager: EntityManager, selection: HandoverSelection, page: PageRequest = { first: 1, offset: 0 }): Promise<{ rows: HandoverRow[]; total: number }> {
  const where =
    'id' in selection
      ? { sql: 'h.id = $1', params: [selection.id] }
      : { sql: `h.${selection.direction === 'INCOMING' ? 'to' : 'from'}_facilitator_id = $1 AND h.status = 'PENDING'`, params: [selection.facilitatorId] };
  const rows: (HandoverRow & { total: number })[] = await manager.query(
    `SELECT h.id, h.status, h.shop_id AS "shopId", coalesce(s.trading_name, s.legal_name) AS "shopName", cm.name AS "comuneName",
            to_char(d.paper_declared_on, 'YYYY-MM-DD') AS "paperDeclaredOn", s.owner_user_id IS NOT NULL AS "shopClaimed",
            h.from_delegation_id AS "fromDelegationId", h.from_facilitator_id AS "fromFacilitatorId", ff.name AS "fromFacilitatorName",
            h.to_facilitator_id AS "toFacilitatorId", tf.name AS "toFacilitatorName", h.to_delegation_id AS "toDelegationId",
            h.created_at AS "createdAt", h.decided_at AS "decidedAt", count(*) OVER ()::int AS total
       FROM delegation_handover h
       JOIN shop s ON s.id = h.shop_id
       JOIN comune cm ON cm.code = s.comune_code
       JOIN delegation d ON d.id = h.from_delegation_id
       JOIN facilitator ff ON ff.id = h.from_facilitator_id
       JOIN facilitator tf ON tf.id = h.to_facilitator_id
      WHERE ${where.sql}
      ORDER BY h.created_at DESC, h.id
      LIMIT $2 OFFSET $3`,
    [...where.params, page.first, page.offset],
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countOnly(manager, where) : 0);
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

async function countOnly(manager: EntityManager, where: { sql: string; params: unknown[] }): Promise<number> {
  const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM delegation_handover h WHERE ${where.sql}`, where.params);
  return row?.n ?? 0;
}

/** An organisation a giver named by an address: the one its account signs in with, or its contact address. */
export interface ReceiverCandidate {
  id: string;
  name: string;
  /** The account that owns the organisation, whom the offer is told to. */
  ownerUserId: string;
  verificationStatus: VerificationStatus;
  /** Found by the address its account signs in with (unique), not only by its contact address. */
  byAccount: boolean;
}

/**
 * The facilitator organisations an address names, the one whose account signs in with it first,
 * then approved ones by their contact address (which several organisations may share).
 */
export async function receiversByEmail(manager: EntityManager, email: string): Promise<ReceiverCandidate[]> {
  return manager.query(
    `SELECT f.id, f.name, f.owner_user_id AS "ownerUserId", f.verification_status AS "verificationStatus", u.email = $1 AS "byAccount"
       FROM facilitator f JOIN user_account u ON u.id = f.owner_user_id
      WHERE u.email = $1 OR lower(f.contact_email) = $1
      ORDER BY u.email = $1 DESC, f.verification_status = 'APPROVED' DESC, f.created_at, f.id`,
    [email],
  );
}

/**
 * The delegation a claim link of `delegationId` now stands for: the same one, or, when its shop was
 * handed over (once or several times), the delegation of the facilitator that took it over last.
 */
export async function latestAfterHandovers(manager: EntityManager, delegationId: string): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `WITH RECURSIVE chain(id, depth) AS (
       SELECT $1::uuid, 0
       UNION ALL
       SELECT h.to_delegation_id, c.depth + 1 FROM delegation_handover h JOIN chain c ON h.from_delegation_id = c.id
        WHERE h.status = '${HandoverStatus.ACCEPTED}' AND c.depth < ${MAX_HANDOVER_CHAIN})
     SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
    [delegationId],
  );
  return row?.id ?? delegationId;
}

/** The facilitator that registered the shop on paper, when the delegation came to another one by handovers; else null. */
export async function registrantBeforeHandovers(manager: EntityManager, delegationId: string): Promise<string | null> {
  const [row]: { facilitatorId: string; depth: number }[] = await manager.query(
    `WITH RECURSIVE chain(id, facilitator_id, depth) AS (
       SELECT d.id, d.facilitator_id, 0 FROM delegation d WHERE d.id = $1
       UNION ALL
       SELECT h.from_delegation_id, h.from_facilitator_id, c.depth + 1 FROM delegation_handover h JOIN chain c ON h.to_delegation_id = c.id
        WHERE c.depth < ${MAX_HANDOVER_CHAIN})
     SELECT facilitator_id AS "facilitatorId", depth FROM chain ORDER BY depth DESC LIMIT 1`,
    [delegationId],
  );
  return row && row.depth > 0 ? row.facilitatorId : null;
}
