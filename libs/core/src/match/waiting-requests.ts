import { EntityManager } from 'typeorm';

/** Of these requests, those waiting on an offer's waitlist (alone or as part of a set): they are not open for another offer. */
export async function waitingRequests(db: EntityManager, requestIds: readonly string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows: { help_request_id: string }[] = await db.query(`SELECT help_request_id FROM match WHERE help_request_id = ANY($1::uuid[]) AND state = 'WAITLISTED'`, [requestIds]);
  return new Set(rows.map((row) => row.help_request_id));
}
