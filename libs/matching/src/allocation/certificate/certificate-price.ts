import { OVER_DEMANDED, UNDER_DEMANDED } from '../max-flow/cut-side';
import { FlowState } from '../min-cost/flow-state';

/**
 * Turns the two sides' potentials into one certificate: returns ⊥'s price, `big`.
 *
 * Each side's solver leaves potentials under which its own residual arcs have reduced cost
 * ≥ 0. Lowering every over-demanded potential by `big` keeps those (both ends move) and makes
 * every arc from the under- to the over-demanded side cheap; no residual arc goes the other way
 * (the cut is a minimum cut of a maximum flow). With the sink at 0 and ⊥ priced `big`, ⊥ is
 * then tight for exactly the tops that keep supply back: the two-phase objective (serve the
 * most, then cheapest) is certified as one min-cost flow.
 *
 * `maxEdgeCost` is the dearest candidate edge of any request. The graph's arcs are checked on the way (a violation is an internal error): an edge of the
 * candidate network is a request's arm followed by its group's arc to the offer, so its reduced
 * cost is the sum of theirs, and the certificate carries over to every candidate edge.
 */
export function certificatePrice(state: FlowState, maxEdgeCost: number): number {
  const { m, firstGroup, graph, pi, side } = state;
  const { parent, supply, offerCapacity, armStart, armGroup, armCost, requestCount: R, memberStart, memberOffer, groupCount } = graph;
  // A simple path crosses each request at most once, so no set of changes gains more than this.
  let big = R * maxEdgeCost + 1;
  // Returns whether the arc is fine; `big` grows to cover an arc that crosses the cut. The
  // caller names the arc only when it is not (a description per arc would cost millions of strings).
  const arc = (fromSide: number, toSide: number, reduced: number): boolean => {
    if (fromSide === toSide) return reduced >= 0;
    if (fromSide === OVER_DEMANDED) return false;
    // An arc from the under- to the over-demanded side needs big ≥ −(its reduced cost before the shift).
    big = Math.max(big, -reduced);
    return true;
  };
  const fail = (fromSide: number, toSide: number, reduced: number, what: string): never => {
    if (fromSide === toSide) throw new Error(`internal: ${what} has reduced cost ${reduced}`);
    throw new Error(`internal: a residual arc leaves the over-demanded side (${what})`);
  };

  for (let r = 0; r < R; r++) {
    const u = m + r;
    if (parent[u] < 0 && supply[u] === 0) continue;
    const a = state.assigned[r];
    const uSide = state.potentialSide(u);
    const pu = state.potentialOf(u);
    for (let e = armStart[r]; e < armStart[r + 1]; e++) {
      if (e === a) continue;
      const g = armGroup[e];
      const reduced = armCost[e] + pu - pi[g];
      if (!arc(uSide, side[g], reduced)) fail(uSide, side[g], reduced, `arm ${e}`);
    }
  }
  for (let g = 0; g < groupCount; g++) {
    const group = firstGroup + g;
    for (let k = memberStart[g]; k < memberStart[g + 1]; k++) {
      const o = memberOffer[k];
      if (!arc(side[group], side[o], pi[group] - pi[o])) fail(side[group], side[o], pi[group] - pi[o], `member arc ${k}`);
      if (state.memberFlow[k] > 0 && !arc(side[o], side[group], pi[o] - pi[group])) fail(side[o], side[group], pi[o] - pi[group], `reverse member arc ${k}`);
    }
  }
  for (let c = m; c < firstGroup; c++) {
    const p = parent[c];
    if (p < 0) continue;
    // A fed tree arc is residual backwards only.
    const fed = state.parentFlow[c] !== 0;
    const from = fed ? c : p;
    const to = fed ? p : c;
    const fromSide = state.potentialSide(from);
    const toSide = state.potentialSide(to);
    const reduced = state.potentialOf(from) - state.potentialOf(to);
    if (!arc(fromSide, toSide, reduced)) fail(fromSide, toSide, reduced, `${fed ? 'reverse ' : ''}tree arc to ${c}`);
  }
  for (let o = 0; o < m; o++) {
    // The sink is on the under-demanded side with potential 0.
    if (state.load[o] > 0 && !arc(UNDER_DEMANDED, side[o], -pi[o])) fail(UNDER_DEMANDED, side[o], -pi[o], `reverse sink arc of ${o}`);
    if (state.load[o] < offerCapacity[o]) {
      if (side[o] === OVER_DEMANDED) throw new Error('internal: an over-demanded offer has room');
      if (pi[o] < 0) fail(UNDER_DEMANDED, UNDER_DEMANDED, pi[o], `sink arc of ${o}`);
    }
  }
  return big;
}
