import type { AuditEventFilter } from './audit.commands';

/** Positional parameters of one statement. */
export class AuditSqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE clause of a filtered read of the log over `audit_event e` left-joined to the acting
 * account `u` (for its e-mail): one place for the list, its count and the CSV export, so the three
 * always agree. An action ending in a dot matches every verb under it.
 */
export function auditWhere(filter: AuditEventFilter, p: AuditSqlParams): string {
  const where: string[] = [];
  if (filter.entityType) where.push(`e.entity_type = ${p.add(filter.entityType)}`);
  if (filter.entityId) where.push(`e.entity_id = ${p.add(filter.entityId)}`);
  if (filter.action?.endsWith('.')) where.push(`starts_with(e.action, ${p.add(filter.action)})`);
  else if (filter.action) where.push(`e.action = ${p.add(filter.action)}`);
  if (filter.actorUserId) where.push(`e.actor_user_id = ${p.add(filter.actorUserId)}`);
  if (filter.actorEmail) where.push(`u.email = ${p.add(filter.actorEmail.trim().toLowerCase())}`);
  if (filter.from) where.push(`e.occurred_at >= ${p.add(filter.from)}`);
  if (filter.to) where.push(`e.occurred_at < ${p.add(filter.to)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** The shop a facilitator acted for, by the name people know it by (`obs` in AUDIT_FROM). */
export const ON_BEHALF_SHOP_NAME = 'COALESCE(obs.trading_name, obs.legal_name)';

export const AUDIT_FROM = 'audit_event e LEFT JOIN user_account u ON u.id = e.actor_user_id LEFT JOIN shop obs ON obs.id = e.on_behalf_of_shop_id';
