/**
 * What callers give the audit service: which events to list.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface AuditEventFilter {
  readonly entityType?: string;
  readonly entityId?: string;
  /** Exact action, or a prefix ending in a dot (`match.`). */
  readonly action?: string;
  readonly actorUserId?: string;
  /** The acting account's e-mail (as it is now), for people who know the address rather than the id. */
  readonly actorEmail?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** A page of the log by keyset: `first` events after the event `after` (by time, newest first). */
export interface AuditPageRequest {
  readonly first: number;
  readonly offset: number;
  /** The id of the last event of the previous page; replaces `offset`. */
  readonly after?: string;
}
