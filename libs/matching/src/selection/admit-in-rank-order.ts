/**
 * Who takes a call's places, in the order of the ranking. Each candidate comes with the call's
 * offers that fit it, in the order it prefers them (the engine's ranking for the shop), and the
 * reasons it cannot take a place at all right now (its own limits, or no offer of the call valid
 * and reaching it). Places are given in rank order, never more than `places` in all and never more
 * than an offer's free places: a candidate whose fitting offers are all full stays waiting, and a
 * candidate ranked lower who fits an offer with room takes that place, since it takes nothing the
 * one above could have had.
 */
export interface AdmissionCandidate {
  id: string;
  /** Offers of the call that fit the candidate but for their free places, most preferred first. */
  offerIds: readonly string[];
  /** Why no offer of the call can take it now, whatever the free places (empty when some can). */
  blockedBy: readonly string[];
}

export type WaitingReason = 'NO_PLACE_LEFT' | 'CALL_FULL' | 'BLOCKED';

export interface AdmissionResult {
  admitted: { id: string; offerId: string }[];
  /** Everyone else, in rank order, with why it is not admitted now. */
  waiting: { id: string; reason: WaitingReason; blockedBy: readonly string[] }[];
  /** Free places per offer after the admissions. */
  freeAfter: Record<string, number>;
}

/**
 * `candidates` in rank order; `places` still to fill; `free` places per offer now. Candidates are
 * taken once each: the first offer in a candidate's order with a free place is the one it gets.
 */
export function admitInRankOrder(candidates: readonly AdmissionCandidate[], places: number, free: Readonly<Record<string, number>>): AdmissionResult {
  const left: Record<string, number> = { ...free };
  const admitted: AdmissionResult['admitted'] = [];
  const waiting: AdmissionResult['waiting'] = [];
  for (const candidate of candidates) {
    if (admitted.length >= places) {
      waiting.push({ id: candidate.id, reason: 'CALL_FULL', blockedBy: [] });
      continue;
    }
    if (candidate.blockedBy.length > 0 || candidate.offerIds.length === 0) {
      waiting.push({ id: candidate.id, reason: 'BLOCKED', blockedBy: candidate.blockedBy });
      continue;
    }
    const offerId = candidate.offerIds.find((id) => (left[id] ?? 0) > 0);
    if (offerId === undefined) {
      waiting.push({ id: candidate.id, reason: 'NO_PLACE_LEFT', blockedBy: [] });
      continue;
    }
    left[offerId] -= 1;
    admitted.push({ id: candidate.id, offerId });
  }
  return { admitted, waiting, freeAfter: left };
}
