import type { EntityManager } from 'typeorm';
import { AUDIT_PERSONAL_KEYS } from './personal-data.registry';

/** Objects of one type (an audit event's entity type) whose audit events lose their personal data. */
export interface AuditSubject {
  type: string;
  ids: string[];
}

/**
 * What the audit trail said about these objects keeps who did what, not the personal data: the
 * keys AUDIT_PERSONAL_KEYS lists go from each event's before and after (the erasure of an
 * account, the cancellation of a paper registration). Inside personal-data maintenance, which the
 * audit trail's append-only rule lets through.
 */
export async function stripPersonalAuditKeys(manager: EntityManager, subjects: readonly AuditSubject[]): Promise<void> {
  for (const subject of subjects) {
    await manager.query(
      `UPDATE audit_event SET before = before - $3::text[], after = after - $3::text[]
        WHERE entity_type = $1 AND entity_id = ANY($2) AND (before ?| $3::text[] OR after ?| $3::text[])`,
      [subject.type, subject.ids, AUDIT_PERSONAL_KEYS],
    );
  }
}
