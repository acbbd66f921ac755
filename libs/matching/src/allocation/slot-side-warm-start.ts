import { FlowState, OVER_DEMANDED } from './flow-state';
import { OverSideIndex } from './over-side-index';

/**
 * A starting point for the slot-side solver that is already optimal for the slots it fills.
 *
 * Each over-demanded offer o gets a price p(o): the highest at which at most its free slots'
 * worth of top requests could afford it (cost ≤ p), and never above the cost of a request below
 * a tree node (those start unserved). Every top request then takes the offer where p − cost is
 * largest, if that is ≥ 0 (ties to the lower offer index). No offer is over-filled, and with
 * π(o) = p(o) every residual arc has reduced cost ≥ 0: a holder's potential is its surplus, the
 * best it could get anywhere, and an unserved request could get nothing positive. Successive
 * shortest paths then only have to fill the slots left free, from potentials near the final ones.
 * Returns how many requests it placed.
 */
export function warmStartSlotSide(state: FlowState, index: OverSideIndex): number {
  const { m, side, pi } = state;
  const { edgeStart, edgeOffer, edgeCost, parent, supply, offerCapacity, requestCount } = state.problem;
  for (let o = 0; o < m; o++) {
    if (side[o] !== OVER_DEMANDED || !state.isFree(o)) continue;
    const slots = offerCapacity[o] - state.slotCount[o];
    let tops = 0;
    let ceiling = Infinity;
    let price = 0;
    // In-edges are sorted by cost. The price stays below the (slots + 1)-th top request's cost and
    // at most the cheapest request below a tree node; past that cost nothing changes.
    for (let k = index.start[o]; k < index.start[o + 1] && index.cost[k] <= ceiling; k++) {
      if (parent[m + index.request[k]] >= 0) {
        ceiling = index.cost[k];
        price = ceiling;
      } else if (++tops > slots) {
        price = Math.min(ceiling, index.cost[k] - 1);
        break;
      } else {
        price = Math.min(ceiling, index.cost[k]);
      }
    }
    pi[o] = price;
  }
  let placed = 0;
  for (let r = 0; r < requestCount; r++) {
    const v = m + r;
    if (side[v] !== OVER_DEMANDED || parent[v] >= 0 || supply[v] === 0 || state.assigned[r] >= 0) continue;
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
