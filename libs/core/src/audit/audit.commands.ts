/**
 * What callers give the audit service: which events to list.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface AuditEventFilter {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly action?: string;
  readonly actorUserId?: string;
  readonly from?: Date;
  readonly to?: Date;
}
