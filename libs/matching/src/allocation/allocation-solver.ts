import { AllocationGraph, buildAllocationGraph } from './network/allocation-graph';
import { AllocationNetwork } from './network/allocation-network';
import { OVER_DEMANDED, UNDER_DEMANDED } from './max-flow/cut-side';
import { FlowState } from './min-cost/flow-state';
import { MaximumFlow, maximumFlow } from './max-flow/maximum-flow';
import { certificatePrice } from './certificate/certificate-price';
import { RequestSideSolver } from './min-cost/request-side/request-side-solver';
import { emptySearchStats, SearchSpace, SearchStats } from './min-cost/search-space';
import { SlotSideSolver } from './min-cost/slot-side/slot-side-solver';
import { buildShopTree } from './network/shop-tree';

export interface SolverStats extends SearchStats {
  /** Units placed by the maximum flow's greedy pass, by its augmenting paths, in how many phases. */
  greedy: number;
  augmented: number;
  phases: number;
  /** Nodes on the over-demanded side (every offer there ends full). */
  overDemanded: number;
  /** Offer groups (sets of offers a request reaches at one cost) and arms (request → group arcs). */
  groups: number;
  /** Arms: the candidate edges as the solvers see them, one per request and cost. */
  shownEdges: number;
  /** Solve rounds: always 1 (every arm is shown, nothing is priced in afterwards). */
  rounds: number;
  /** Requests that showed more edges after pricing: always 0 (see rounds). */
  widened: number;
}

/**
 * A solved allocation with its dual certificate: the min-cost flow on the grouped graph, and
 * potentials under which every residual arc of the whole candidate network — every edge, tree
 * arcs, ⊥ arcs priced `big` — has reduced cost ≥ 0 (see optimality-certificate.ts).
 */
export interface AllocationSolution {
  readonly graph: AllocationGraph;
  readonly state: FlowState;
  /** ⊥'s price: above any total cost, so the certificate also proves the number served is maximum. */
  readonly big: number;
  /** Per request: the network edge serving it, or -1. */
  readonly assignedEdge: Int32Array;
  readonly stats: SolverStats;
  /** A node's potential in the certificate (offers, requests, shop and category nodes). */
  potential(node: number): number;
}

export interface SolverOptions {
  /** Called as each phase ends, with its name (the benchmark times phases this way). */
  onPhase?: (phase: SolverPhase) => void;
}

export type SolverPhase = 'graph' | 'maximum flow' | 'slot side' | 'request side' | 'certificate';

/**
 * Exact lexicographic optimum: maximum number served, then minimum total cost.
 *
 * 1. The candidate edges are grouped: the offers a request reaches at one cost become one group
 *    node (offer-groups.ts), so ties cost one arc instead of one edge per tied offer.
 * 2. A maximum flow (maximum-flow.ts) gives the number served and the maximal minimum cut:
 *    nodes that cannot reach a free slot (over-demanded) and the rest. Arcs across the cut carry
 *    the same flow in every maximum flow, so those are fixed and the min-cost problem falls
 *    apart into two independent ones.
 * 3. Over-demanded side: every slot is filled; slots pull requests (slot-side-solver.ts).
 *    Under-demanded side: every unit is served; requests push to free slots
 *    (request-side-solver.ts). Neither search ever has to prove that a unit cannot be served.
 * 4. The two sides' potentials become one certificate (certificate-price.ts).
 */
export function solveAllocation(network: AllocationNetwork, options: SolverOptions = {}): AllocationSolution {
  const phase = options.onPhase ?? ((): void => undefined);
  const graph = buildAllocationGraph(network, buildShopTree(network));
  phase('graph');
  const flow = maximumFlow(graph);
  phase('maximum flow');
  const sides = cutSides(graph, flow.overDemanded);
  const state = new FlowState(graph, sides);
  const fed = fixCrossFlows(state, flow);
  let overDemanded = 0;
  for (const s of sides) overDemanded += s;
  const stats: SolverStats = {
    ...emptySearchStats(),
    greedy: flow.greedy,
    augmented: flow.augmented,
    phases: flow.phases,
    overDemanded,
    groups: graph.groupCount,
    shownEdges: graph.armGroup.length,
    rounds: 1,
    widened: 0,
  };
  const space = new SearchSpace(graph.nodeCount);
  new SlotSideSolver(state, space, stats).solve(slotSideOffers(state));
  phase('slot side');
  const { sources, units } = requestSideSources(graph, state, fed);
  new RequestSideSolver(state, space, stats).solve(sources, units);
  phase('request side');
  let maxEdgeCost = 0;
  for (const cost of network.edgeCost) maxEdgeCost = Math.max(maxEdgeCost, cost);
  const big = certificatePrice(state, maxEdgeCost);
  const assignedEdge = networkEdges(network, state);
  phase('certificate');
  const potential = (node: number): number => state.potentialOf(node) - (state.potentialSide(node) === OVER_DEMANDED ? big : 0);
  return { graph, state, big, assignedEdge, stats, potential };
}

/**
 * The side of each node for the min-cost solvers: the maximal minimum cut, except that a node
 * below an under-demanded one counts as under-demanded. Such a node can never be fed (the arc
 * from its parent enters the over-demanded side, so it is empty in every maximum flow); priced
 * with its parent, its arcs into the over-demanded side are as cheap as every other such arc.
 */
function cutSides(graph: AllocationGraph, overDemanded: Uint8Array): Uint8Array {
  const side = overDemanded.slice();
  // Parents have larger ids than their children, so one downward pass settles every chain.
  for (let v = graph.firstGroup - 1; v >= graph.offerCount; v--) {
    const p = graph.parent[v];
    if (p >= 0 && side[p] === UNDER_DEMANDED) side[v] = UNDER_DEMANDED;
  }
  return side;
}

/**
 * Copies the arcs that cross the cut from the maximum flow (they are the same in every maximum
 * flow), with the unique chain of tree arcs feeding each. Returns what the under-demanded side
 * receives from the over-demanded one, which it routes on its own side: nodes fed by a tree arc
 * (one unit each) and groups holding requests of the over-demanded side (one unit per holder).
 */
function fixCrossFlows(state: FlowState, flow: MaximumFlow): { nodes: number[]; groups: Map<number, number> } {
  const { m, side, graph } = state;
  const { parent, armGroup, requestCount } = graph;
  const groups = new Map<number, number>();
  for (let r = 0; r < requestCount; r++) {
    const a = flow.assigned[r];
    if (a < 0 || side[m + r] !== OVER_DEMANDED || side[armGroup[a]] !== UNDER_DEMANDED) continue;
    state.feedChain(m + r);
    state.assign(a);
    groups.set(armGroup[a], (groups.get(armGroup[a]) ?? 0) + 1);
  }
  const nodes: number[] = [];
  for (let c = m; c < state.firstGroup; c++) {
    const p = parent[c];
    if (p < 0 || flow.parentFlow[c] === 0 || side[p] !== OVER_DEMANDED || side[c] !== UNDER_DEMANDED) continue;
    state.feedChain(p);
    state.parentFlow[c] = 1;
    nodes.push(c);
  }
  return { nodes, groups };
}

function slotSideOffers(state: FlowState): Int32Array {
  const offers: number[] = [];
  for (let o = 0; o < state.m; o++) if (state.side[o] === OVER_DEMANDED && state.isFree(o)) offers.push(o);
  return Int32Array.from(offers);
}

/**
 * Under-demanded tops and fed nodes, cheapest first (ties by node id), then the groups holding
 * requests of the over-demanded side, by node id.
 */
function requestSideSources(graph: AllocationGraph, state: FlowState, fed: { nodes: number[]; groups: Map<number, number> }): { sources: Int32Array; units: Int32Array } {
  const list: number[] = [];
  for (const top of graph.order) if (state.side[top] === UNDER_DEMANDED) list.push(top);
  list.push(...fed.nodes);
  const n = graph.firstGroup;
  const keys = Float64Array.from(list, (v) => graph.minCost[v] * n + v);
  keys.sort();
  const groups = [...fed.groups.keys()].sort((a, b) => a - b);
  const sources = Int32Array.from([...Array.from(keys, (k) => k % n), ...groups]);
  const units = Int32Array.from(sources, (v) => (v >= graph.firstGroup ? (fed.groups.get(v) ?? 0) : graph.parent[v] < 0 ? graph.supply[v] : 1));
  return { sources, units };
}

/**
 * Per request, the candidate edge its unit flows along: a group's holders (by request) take its
 * offers' units in member order. Any such pairing is an edge of the request at the arm's cost.
 */
function networkEdges(network: AllocationNetwork, state: FlowState): Int32Array {
  const { graph } = state;
  const { edgeStart, edgeOffer } = network;
  const assignedEdge = new Int32Array(graph.requestCount).fill(-1);
  for (let g = 0; g < graph.groupCount; g++) {
    const group = graph.firstGroup + g;
    const from = state.holdersStart(group);
    const count = state.holdersEnd(group) - from;
    if (count === 0) continue;
    // Holders by request, so that the pairing does not depend on the order they arrived in.
    const holders = count === 1 || graph.memberStart[g + 1] - graph.memberStart[g] === 1 ? state.holders.subarray(from, from + count) : state.holders.slice(from, from + count).sort();
    let next = 0;
    for (let k = graph.memberStart[g]; k < graph.memberStart[g + 1]; k++) {
      for (let unit = 0; unit < state.memberFlow[k]; unit++) {
        if (next === count) throw new Error(`internal: group ${group} sends more units than it holds`);
        const r = graph.armRequest[holders[next++]];
        assignedEdge[r] = edgeOf(edgeOffer, edgeStart[r], edgeStart[r + 1], graph.memberOffer[k]);
      }
    }
    if (next !== count) throw new Error(`internal: group ${group} holds more requests than it sends units`);
  }
  return assignedEdge;
}

/** The edge to `offer` among [from, to), whose offers ascend. */
function edgeOf(edgeOffer: Int32Array, from: number, to: number, offer: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edgeOffer[mid] < offer) lo = mid + 1;
    else hi = mid;
  }
  if (edgeOffer[lo] !== offer) throw new Error(`internal: no edge to offer ${offer}`);
  return lo;
}
