/**
 * The waitlist's priority order, in one place for promotion and for the position shown to shops:
 * the oldest request first (it has waited longest for help), then who joined the list first.
 * `w` is the waitlisted match, `wr` its help request.
 */
export const WAITLIST_ORDER = ['wr.created_at', 'w.waitlisted_at', 'w.id'] as const;

/** The same order as a row value, to count who is ahead of a given entry. */
export const WAITLIST_KEY_SQL = `(${WAITLIST_ORDER.join(', ')})`;
