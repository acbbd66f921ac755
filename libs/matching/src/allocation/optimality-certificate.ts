import { TransportSolver } from './transport-solver';

/**
 * Independent check of a finished solve: flow conservation, capacities, and the dual
 * certificate — every residual arc has reduced cost ≥ 0 — which proves the flow is a min-cost
 * flow (so, with ⊥ priced above any path, a maximum assignment of minimum cost).
 * Returns the violations found; an empty list means the solution is certified optimal.
 */
export function checkOptimality(solver: TransportSolver): string[] {
  const { offerCount: m, requestCount: R, extraCount: X, edgeStart, edgeOffer, edgeCost, offerCapacity, parent, childStart, children, supply } =
    solver.problem;
  const { state, big } = solver;
  const { edgeFlow, parentFlow, bottomFlow, slotCount } = state;
  const pi = (v: number): number => state.potentialOf(v);
  const violations: string[] = [];
  const load = new Int32Array(m);
  const inflow = (node: number): number => (parent[node] >= 0 ? parentFlow[node] : supply[node] - bottomFlow[node]);

  for (let r = 0; r < R; r++) {
    const u = m + r;
    let out = 0;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      const reduced = edgeCost[e] + pi(u) - pi(o);
      if (edgeFlow[e] === 1) {
        out++;
        load[o]++;
        if (reduced > 0) violations.push(`edge ${e}: reverse reduced cost ${-reduced} < 0`);
      } else if (reduced < 0) {
        violations.push(`edge ${e}: reduced cost ${reduced} < 0`);
      }
    }
    if (out !== inflow(u)) violations.push(`request node ${u}: inflow ${inflow(u)} ≠ outflow ${out}`);
  }
  for (let x = 0; x < X; x++) {
    const g = m + R + x;
    let out = 0;
    for (let k = childStart[x]; k < childStart[x + 1]; k++) {
      const c = children[k];
      out += parentFlow[c];
      const reduced = pi(g) - pi(c);
      if (parentFlow[c] === 1 ? reduced > 0 : reduced < 0) violations.push(`tree arc ${g}→${c}: reduced cost violates`);
    }
    if (out !== inflow(g)) violations.push(`extra node ${g}: inflow ${inflow(g)} ≠ outflow ${out}`);
  }
  for (let node = m; node < m + R + X; node++) {
    if (parent[node] >= 0 || supply[node] === 0) continue;
    if (bottomFlow[node] < supply[node] && big + pi(node) < 0) violations.push(`⊥ arc of ${node}: reduced cost < 0`);
    if (bottomFlow[node] > 0 && big + pi(node) > 0) violations.push(`reverse ⊥ arc of ${node}: reduced cost < 0`);
  }
  for (let o = 0; o < m; o++) {
    if (load[o] !== slotCount[o]) violations.push(`offer ${o}: slot count ${slotCount[o]} ≠ load ${load[o]}`);
    if (load[o] > offerCapacity[o]) violations.push(`offer ${o}: load ${load[o]} > capacity ${offerCapacity[o]}`);
    // The sink's potential is 0: an offer with room needs π ≥ 0, one holding requests π ≤ 0.
    if (load[o] < offerCapacity[o] && pi(o) < 0) violations.push(`offer ${o}: sink arc reduced cost < 0`);
    if (load[o] > 0 && pi(o) > 0) violations.push(`offer ${o}: reverse sink arc reduced cost < 0`);
  }
  return violations;
}
