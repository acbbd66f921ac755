import { FlowState, OVER_DEMANDED } from './flow-state';
import { selectSmallest } from './select-smallest';

/**
 * A starting point for the slot-side solver that is already optimal for the slots it fills.
 *
 * Each over-demanded offer o gets a price p(o): the highest at which at most its free slots'
 * worth of requests could afford it (cost ≤ p), and never above the cost of a request below a
 * tree node (those start unserved). Every top request then takes the offer where p − cost is
 * largest, if that is ≥ 0 (ties to the lower offer index). No offer is over-filled, and with
 * π(o) = p(o) every residual arc has reduced cost ≥ 0: a holder's potential is its surplus, the
 * best it could get anywhere, and an unserved request could get nothing positive. Successive
 * shortest paths then only have to fill the slots left free, from potentials near the final ones.
 */
export function warmStartSlotSide(state: FlowState): number {
  const { m, side, offerEdgeStart, offerEdges, edgeRequest, pi } = state;
  const { edgeStart, edgeOffer, edgeCost, parent, supply, offerCapacity, requestCount } = state.problem;
  const isTop = (v: number): boolean => parent[v] < 0 && supply[v] > 0;
  let widest = 0;
  for (let o = 0; o < m; o++) widest = Math.max(widest, offerEdgeStart[o + 1] - offerEdgeStart[o]);
  const costs = new Float64Array(widest);
  for (let o = 0; o < m; o++) {
    if (side[o] !== OVER_DEMANDED || !state.isFree(o)) continue;
    let count = 0;
    let ceiling = Infinity;
    for (let k = offerEdgeStart[o]; k < offerEdgeStart[o + 1]; k++) {
      const e = offerEdges[k];
      const v = m + edgeRequest[e];
      if (state.assigned[edgeRequest[e]] >= 0 || !state.fedFromOverSide(v)) continue;
      if (isTop(v)) costs[count++] = edgeCost[e] * offerEdges.length + e;
      else if (parent[v] >= 0) ceiling = Math.min(ceiling, edgeCost[e]);
    }
    const slots = offerCapacity[o] - state.slotCount[o];
    // Requests costing ≤ p: at most `slots` of them. Keys are cost × E + edge, distinct.
    let price = ceiling;
    if (count > slots) {
      const next = Math.floor(selectSmallest(costs.subarray(0, count), slots + 1) / offerEdges.length);
      price = Math.min(price, next - 1);
    } else if (count > 0 && ceiling === Infinity) {
      let max = 0;
      for (let i = 0; i < count; i++) max = Math.max(max, Math.floor(costs[i] / offerEdges.length));
      price = max;
    }
    pi[o] = price === Infinity ? 0 : price;
  }
  let placed = 0;
  for (let r = 0; r < requestCount; r++) {
    const v = m + r;
    if (side[v] !== OVER_DEMANDED || !isTop(v) || state.assigned[r] >= 0) continue;
    let best = -1;
    let surplus = 0;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (side[o] !== OVER_DEMANDED) continue;
      const s = pi[o] - edgeCost[e];
      if (s > surplus || (s === surplus && (best < 0 || o < edgeOffer[best]))) {
        surplus = s;
        best = e;
      }
    }
    if (best < 0) continue;
    if (!state.isFree(edgeOffer[best])) throw new Error('internal: the warm start over-fills an offer');
    state.feedChain(v);
    state.assign(best);
    placed++;
  }
  return placed;
}
