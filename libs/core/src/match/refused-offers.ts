import { EntityManager } from 'typeorm';

/**
 * How a request came to refuse an offer: the shop gave it up (itself, or a facilitator acting for
 * it: a facilitator withdraws only on a shop's behalf), or the provider declined it.
 */
export type Refusal = { how: 'WITHDRAWN' | 'DECLINED'; at: Date };

/** Per help request, the offers it refused, by offer id. */
export type RefusedOffers = Map<string, Map<string, Refusal>>;

/** The refused pairs, as rows (help_request_id, offer_id, state, ended_at), of the matches `where` picks. */
const refusedPairs = (where: string): string => `SELECT help_request_id, offer_id, state, ended_at FROM (
       SELECT DISTINCT ON (m.help_request_id, m.offer_id) m.id, m.help_request_id, m.offer_id, m.state, m.ended_at
       FROM match m ${where}
       ORDER BY m.help_request_id, m.offer_id, m.created_at DESC, m.id DESC) latest
     WHERE state = 'DECLINED'
        OR (state = 'WITHDRAWN' AND EXISTS (
              SELECT 1 FROM match_transition t WHERE t.match_id = latest.id AND t.to_state = 'WITHDRAWN' AND t.actor_role IN ('SHOP', 'FACILITATOR')))`;

/**
 * Every OPEN request's refused pairs, as SQL (no parameters): refusedOffers' rule for whoever
 * judges open requests in bulk (an allocation run's input, the dashboard's unmet demand).
 */
export const OPEN_REQUESTS_REFUSED_PAIRS = refusedPairs(`JOIN help_request r ON r.id = m.help_request_id AND r.status = 'OPEN'`);

/**
 * The offers each request refused and did not ask for again: for every (request, offer) pair,
 * the latest match decides — declined by the provider, or withdrawn by the shop itself (not by
 * the platform: a cancelled request or a waitlist place released by an allocation is no refusal).
 * A later application of the shop to the same offer is the shop asking again, and lifts it.
 *
 * `requestIds`: those requests only; null: every OPEN request (an allocation run's input).
 */
export async function refusedOffers(db: EntityManager, requestIds: readonly string[] | null): Promise<RefusedOffers> {
  if (requestIds?.length === 0) return new Map();
  const rows: { help_request_id: string; offer_id: string; state: 'WITHDRAWN' | 'DECLINED'; ended_at: Date }[] = await db.query(
    requestIds ? refusedPairs('WHERE m.help_request_id = ANY($1::uuid[])') : OPEN_REQUESTS_REFUSED_PAIRS,
    requestIds ? [requestIds] : [],
  );
  const refused: RefusedOffers = new Map();
  for (const row of rows) {
    let offers = refused.get(row.help_request_id);
    if (!offers) refused.set(row.help_request_id, (offers = new Map()));
    offers.set(row.offer_id, { how: row.state, at: new Date(row.ended_at) });
  }
  return refused;
}
