import { AllocationNetwork } from './allocation-network';
import { EdgeExposure, ExposedEdges } from './edge-exposure';
import { FlowState, OVER_DEMANDED, UNDER_DEMANDED } from './flow-state';
import { MaximumFlow, maximumFlow } from './maximum-flow';
import { RequestSideSolver } from './request-side-solver';
import { emptySearchStats, SearchSpace, SearchStats } from './search-space';
import { potentialSide, price } from './pricing';
import { SlotSideSolver } from './slot-side-solver';
import { buildShopTree, ShopTree, TransportProblem, withEdges } from './transport-problem';

export interface SolverStats extends SearchStats {
  /** Units placed by the maximum flow's greedy pass, by its augmenting paths, in how many phases. */
  greedy: number;
  augmented: number;
  phases: number;
  /** Nodes on the over-demanded side (every offer there ends full). */
  overDemanded: number;
  /** Edges shown to the min-cost solvers in the last round, and rounds of pricing. */
  shownEdges: number;
  rounds: number;
  /** Requests that showed more edges after pricing. */
  widened: number;
}

/**
 * A solved allocation with its dual certificate: the min-cost flow on the shown edges, and
 * potentials under which every residual arc of the whole network — shown or hidden edges, tree
 * arcs, ⊥ arcs priced `big` — has reduced cost ≥ 0 (see optimality-certificate.ts).
 */
export interface AllocationSolution {
  readonly problem: TransportProblem;
  readonly state: FlowState;
  readonly exposed: ExposedEdges;
  /** ⊥'s price: above any total cost, so the certificate also proves the number served is maximum. */
  readonly big: number;
  /** Per request: the network edge serving it, or -1. */
  readonly assignedEdge: Int32Array;
  readonly stats: SolverStats;
  /** A node's potential in the certificate. */
  potential(node: number): number;
}

/**
 * Exact lexicographic optimum: maximum number served, then minimum total cost.
 *
 * 1. A maximum flow on the whole network (maximum-flow.ts) gives the number served and the
 *    maximal minimum cut: nodes that cannot reach a free slot (over-demanded) and the rest.
 *    Arcs across the cut carry the same flow in every maximum flow, so those are fixed and the
 *    min-cost problem falls apart into two independent ones.
 * 2. Over-demanded side: every slot is filled; slots pull requests (slot-side-solver.ts).
 *    Under-demanded side: every unit is served; requests push to free slots
 *    (request-side-solver.ts). Neither search ever has to prove that a unit cannot be served.
 * 3. Both run on a few cheap edges per request (edge-exposure.ts); pricing then checks every
 *    edge against the potentials, and the rare request with a hidden edge below zero shows
 *    more edges and the sides are solved again, until nothing prices below zero.
 */
export interface SolverOptions {
  /** Edges each under-demanded request shows at first (tests use 1 to exercise pricing). */
  requestExposure?: number;
}

export function solveAllocation(network: AllocationNetwork, options: SolverOptions = {}): AllocationSolution {
  const tree = buildShopTree(network);
  const flow = maximumFlow(withEdges(tree, network));
  const sides = cutSides(tree, flow.overDemanded);
  const exposure = new EdgeExposure(network, tree, sides, options.requestExposure);
  for (let r = 0; r < flow.assigned.length; r++) if (flow.assigned[r] >= 0) exposure.force(flow.assigned[r]);
  let overDemanded = 0;
  for (const s of sides) overDemanded += s;

  const stats: SolverStats = {
    ...emptySearchStats(),
    greedy: flow.greedy,
    augmented: flow.augmented,
    phases: flow.phases,
    overDemanded,
    shownEdges: 0,
    rounds: 0,
    widened: 0,
  };
  const space = new SearchSpace(tree.offerCount + tree.requestCount + tree.extraCount);
  let previous: { state: FlowState; exposed: ExposedEdges } | null = null;
  for (;;) {
    stats.rounds++;
    const exposed = exposure.build();
    stats.shownEdges = exposed.edgeOffer.length;
    const problem = withEdges(tree, exposed);
    const state = new FlowState(problem, sides);
    const pseudoRoots = fixCrossFlows(state, flow, exposed, network);
    // Pricing only ever widens the under-demanded side, which the other side does not depend on.
    if (previous === null) new SlotSideSolver(state, space, stats).solve(slotSideOffers(state));
    else carryOverSide(previous.state, previous.exposed, state, exposed);
    const { sources, units } = requestSideSources(tree, state, pseudoRoots);
    new RequestSideSolver(state, space, stats).solve(sources, units);
    const priced = price(network, exposed, state);
    if (priced.optimal) return solutionOf(problem, exposed, state, priced.big, stats);
    stats.widened += priced.requests.length;
    for (const r of priced.requests) exposure.widenRequest(r);
    previous = { state, exposed };
  }
}

/** Copies the over-demanded side's flow and potentials into a state built on new shown edges. */
function carryOverSide(from: FlowState, fromEdges: ExposedEdges, to: FlowState, toEdges: ExposedEdges): void {
  const { m, n, side } = to;
  for (let r = 0; r < to.problem.requestCount; r++) {
    const a = from.assigned[r];
    if (a < 0 || to.assigned[r] >= 0 || from.side[from.problem.edgeOffer[a]] !== OVER_DEMANDED) continue;
    let e = toEdges.edgeStart[r];
    while (toEdges.origin[e] !== fromEdges.origin[a]) e++;
    to.assign(e);
  }
  for (let v = 0; v < n; v++) {
    if (side[v] !== OVER_DEMANDED) continue;
    to.pi[v] = from.pi[v];
    if (v >= m) {
      to.parentFlow[v] = from.parentFlow[v];
      to.topFlow[v] = from.topFlow[v];
    }
  }
}

function solutionOf(problem: TransportProblem, exposed: ExposedEdges, state: FlowState, big: number, stats: SolverStats): AllocationSolution {
  const assignedEdge = Int32Array.from(state.assigned, (a) => (a >= 0 ? exposed.origin[a] : -1));
  const potential = (node: number): number => state.potentialOf(node) - (potentialSide(state, node) === OVER_DEMANDED ? big : 0);
  return { problem, state, exposed, big, assignedEdge, stats, potential };
}

/**
 * The side of each node for the min-cost solvers: the maximal minimum cut, except that a node
 * below an under-demanded one counts as under-demanded. Such a node can never be fed (the arc
 * from its parent enters the over-demanded side, so it is empty in every maximum flow); priced
 * with its parent, its arcs into the over-demanded side are as cheap as every other such arc.
 */
function cutSides(tree: ShopTree, overDemanded: Uint8Array): Uint8Array {
  const side = overDemanded.slice();
  // Parents have larger ids than their children, so one downward pass settles every chain.
  for (let v = side.length - 1; v >= tree.offerCount; v--) {
    const p = tree.parent[v];
    if (p >= 0 && side[p] === UNDER_DEMANDED) side[v] = UNDER_DEMANDED;
  }
  return side;
}

/**
 * Copies the arcs that cross the cut from the maximum flow (they are the same in every maximum
 * flow), with the unique chain of tree arcs feeding each. Returns the under-demanded nodes fed
 * from the over-demanded side: they route that unit on their own side.
 */
function fixCrossFlows(state: FlowState, flow: MaximumFlow, exposed: ExposedEdges, network: AllocationNetwork): number[] {
  const { m, side } = state;
  const { parent } = state.problem;
  const R = state.problem.requestCount;
  for (let r = 0; r < R; r++) {
    const a = flow.assigned[r];
    if (a < 0 || side[m + r] !== OVER_DEMANDED || side[network.edgeOffer[a]] !== UNDER_DEMANDED) continue;
    let shown = -1;
    for (let e = exposed.edgeStart[r]; e < exposed.edgeStart[r + 1] && shown < 0; e++) if (exposed.origin[e] === a) shown = e;
    if (shown < 0) throw new Error('internal: a maximum-flow edge is not shown');
    state.feedChain(m + r);
    state.assign(shown);
  }
  const fed: number[] = [];
  for (let c = m; c < state.n; c++) {
    const p = parent[c];
    if (p < 0 || flow.parentFlow[c] === 0 || side[p] !== OVER_DEMANDED || side[c] !== UNDER_DEMANDED) continue;
    state.feedChain(p);
    state.parentFlow[c] = 1;
    fed.push(c);
  }
  return fed;
}

function slotSideOffers(state: FlowState): Int32Array {
  const offers: number[] = [];
  for (let o = 0; o < state.m; o++) if (state.side[o] === OVER_DEMANDED && state.isFree(o)) offers.push(o);
  return Int32Array.from(offers);
}

/** Under-demanded tops and fed nodes, cheapest first (ties by node id). */
function requestSideSources(tree: ShopTree, state: FlowState, fed: readonly number[]): { sources: Int32Array; units: Int32Array } {
  const list: number[] = [];
  for (const top of tree.order) if (state.side[top] === UNDER_DEMANDED) list.push(top);
  list.push(...fed);
  const n = state.n;
  const keys = Float64Array.from(list, (v) => tree.minCost[v] * n + v);
  keys.sort();
  const sources = Int32Array.from(keys, (k) => k % n);
  const units = Int32Array.from(sources, (v) => (tree.parent[v] < 0 ? tree.supply[v] : 1));
  return { sources, units };
}
