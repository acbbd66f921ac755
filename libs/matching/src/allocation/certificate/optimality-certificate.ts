import { AllocationNetwork } from '../network/allocation-network';
import { AllocationSolution } from '../allocation-solver';

/**
 * Independent check of a finished solve over the WHOLE network (every candidate edge, shown to
 * the solvers or not): flow conservation, capacities, and the dual certificate — every residual
 * arc has reduced cost ≥ 0 under the solution's potentials, with the sink at 0 and each top's
 * ⊥ arc priced `big` — which proves the flow is a min-cost flow of the ⊥ network. Since `big`
 * exceeds the cost of any set of edges, that flow serves the most requests possible and, among
 * such assignments, costs least.
 * Returns the violations found; an empty list means the solution is certified optimal.
 */
export function checkOptimality(network: AllocationNetwork, solution: AllocationSolution): string[] {
  const { offerCount: m, requestCount: R, extraCount: X, offerCapacity, parent, childStart, children, supply } = solution.graph;
  const { edgeStart, edgeOffer, edgeCost } = network;
  const { assignedEdge, big } = solution;
  const { parentFlow, topFlow } = solution.state;
  const pi = (v: number): number => solution.potential(v);
  const violations: string[] = [];
  const load = new Int32Array(m);
  const inTree = (v: number): boolean => parent[v] >= 0 || supply[v] > 0;
  const inflow = (v: number): number => (parent[v] >= 0 ? parentFlow[v] : topFlow[v]);

  let maxCost = 0;
  for (const c of edgeCost) maxCost = Math.max(maxCost, c);
  if (!(big > R * maxCost)) violations.push(`⊥ price ${big} does not exceed every total cost (${R} × ${maxCost})`);

  for (let r = 0; r < R; r++) {
    const u = m + r;
    const a = assignedEdge[r];
    if (!inTree(u)) {
      if (a >= 0) violations.push(`request node ${u}: served outside the shop limits`);
      continue;
    }
    let found = false;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      const reduced = edgeCost[e] + pi(u) - pi(o);
      if (e === a) {
        found = true;
        load[o]++;
        if (reduced > 0) violations.push(`edge ${e}: reverse reduced cost ${-reduced} < 0`);
      } else if (reduced < 0) {
        violations.push(`edge ${e}: reduced cost ${reduced} < 0`);
      }
    }
    if (a >= 0 && !found) violations.push(`request node ${u}: assigned edge ${a} is not one of its edges`);
    if ((a >= 0 ? 1 : 0) !== inflow(u)) violations.push(`request node ${u}: inflow ${inflow(u)} ≠ outflow ${a >= 0 ? 1 : 0}`);
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
    const bottom = supply[node] - topFlow[node];
    if (bottom < 0) violations.push(`top ${node}: routes ${topFlow[node]} > supply ${supply[node]}`);
    if (bottom < supply[node] && big + pi(node) < 0) violations.push(`⊥ arc of ${node}: reduced cost < 0`);
    if (bottom > 0 && big + pi(node) > 0) violations.push(`reverse ⊥ arc of ${node}: reduced cost < 0`);
  }
  for (let o = 0; o < m; o++) {
    if (load[o] > offerCapacity[o]) violations.push(`offer ${o}: load ${load[o]} > capacity ${offerCapacity[o]}`);
    // The sink's potential is 0: an offer with room needs π ≥ 0, one holding requests π ≤ 0.
    if (load[o] < offerCapacity[o] && pi(o) < 0) violations.push(`offer ${o}: sink arc reduced cost < 0`);
    if (load[o] > 0 && pi(o) > 0) violations.push(`offer ${o}: reverse sink arc reduced cost < 0`);
  }
  return violations;
}
