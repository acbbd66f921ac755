import { AllocationNetwork } from './allocation-network';
import { ExposedEdges } from './edge-exposure';
import { FlowState, OVER_DEMANDED, UNDER_DEMANDED } from './flow-state';

/**
 * Turns the two sides' potentials into one certificate, and checks it over every edge.
 *
 * Each side's solver leaves potentials under which its own residual arcs have reduced cost
 * ≥ 0. Lowering every over-demanded potential by `big` keeps those (both ends move) and makes
 * every arc from the under- to the over-demanded side cheap; no residual arc goes the other way
 * (the cut is a minimum cut of a maximum flow). With the sink at 0 and ⊥ priced `big`, ⊥ is
 * then tight for exactly the tops that keep supply back: the two-phase objective (serve the
 * most, then cheapest) is certified as one min-cost flow.
 *
 * A served request's potential is derived from its offer's, so it takes its offer's side.
 */
export type PricingResult =
  | { readonly optimal: true; readonly big: number }
  /** Under-demanded requests with a hidden edge below zero. */
  | { readonly optimal: false; readonly requests: readonly number[] };

export function potentialSide(state: FlowState, node: number): number {
  if (node >= state.m && node < state.firstExtra) {
    const a = state.assigned[node - state.m];
    if (a >= 0) return state.side[state.problem.edgeOffer[a]];
  }
  return state.side[node];
}

export function price(network: AllocationNetwork, exposed: ExposedEdges, state: FlowState): PricingResult {
  const { m, n } = state;
  const { parent, supply, offerCapacity } = state.problem;
  const { edgeStart, edgeOffer, edgeCost } = network;
  const R = edgeStart.length - 1;
  const pi = (v: number): number => state.potentialOf(v);
  const shown = new Uint8Array(edgeOffer.length);
  for (const e of exposed.origin) shown[e] = 1;

  let maxCost = 0;
  for (const c of edgeCost) if (c > maxCost) maxCost = c;
  // A simple path crosses each request at most once, so no set of changes gains more than this.
  let big = R * maxCost + 1;
  // An arc from the under- to the over-demanded side needs big ≥ −(its reduced cost before the shift).
  const cross = (fromSide: number, toSide: number, reduced: number): void => {
    if (fromSide === toSide) return;
    if (fromSide === OVER_DEMANDED) throw new Error(`internal: a residual arc leaves the over-demanded side (${reduced})`);
    big = Math.max(big, -reduced);
  };

  const violating: number[] = [];
  for (let r = 0; r < R; r++) {
    const u = m + r;
    // A request outside the shop tree gets no supply: its edges are not arcs of the network.
    if (parent[u] < 0 && supply[u] === 0) continue;
    const a = state.assigned[r];
    const assignedEdge = a >= 0 ? exposed.origin[a] : -1;
    const uSide = potentialSide(state, u);
    const pu = pi(u);
    let violated = false;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      if (e === assignedEdge) continue;
      const o = edgeOffer[e];
      const reduced = edgeCost[e] + pu - pi(o);
      if (uSide !== state.side[o]) cross(uSide, state.side[o], reduced);
      else if (reduced < 0) {
        if (shown[e] === 1 || uSide === OVER_DEMANDED) throw new Error(`internal: shown edge ${e} has reduced cost ${reduced}`);
        violated = true;
      }
    }
    if (violated) violating.push(r);
  }
  if (violating.length > 0) return { optimal: false, requests: violating };

  for (let c = m; c < n; c++) {
    const p = parent[c];
    if (p < 0) continue;
    if (state.parentFlow[c] === 0) cross(potentialSide(state, p), potentialSide(state, c), pi(p) - pi(c));
    else cross(potentialSide(state, c), potentialSide(state, p), pi(c) - pi(p));
  }
  for (let o = 0; o < m; o++) {
    // The sink is on the under-demanded side with potential 0.
    if (state.slotCount[o] > 0) cross(UNDER_DEMANDED, state.side[o], -pi(o));
    if (state.slotCount[o] < offerCapacity[o] && state.side[o] === OVER_DEMANDED) throw new Error('internal: an over-demanded offer has room');
  }
  for (let v = m; v < n; v++) {
    if (parent[v] >= 0 || supply[v] === 0) continue;
    // ⊥ arc of a top priced on the under-demanded side (it routes all its supply): big + π ≥ 0.
    if (potentialSide(state, v) === UNDER_DEMANDED && state.topFlow[v] > 0) big = Math.max(big, -pi(v));
  }
  return { optimal: true, big };
}
