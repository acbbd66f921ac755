import { compileOffer, matchCoverage } from '../eligibility/compiled-offer';
import { AllocationContext, CoverageLevel, MatchingOffer, MatchingRequest } from '../model/matching.types';
import { MatchingInputError } from '../model/matching-input.error';
import { AllocationCostWeights, maxEdgeCost, resolveCostWeights } from './allocation-cost';
import { AllocationNetwork, buildAllocationNetwork } from './network/allocation-network';
import { AllocationSolution, SolverStats, solveAllocation } from './allocation-solver';
import { shopAdmits } from './network/shop-tree';
import { allocateCompleteSets, DropRule, SetOutcome, setOutcome, SetRound, setsOf } from './complete-sets';

export interface AllocationOptions extends AllocationContext {
  costWeights?: Partial<AllocationCostWeights>;
  /**
   * Serve a request of a set (requests sharing a `setId`) only when every request of its set is
   * served. A heuristic on top of the exact solver: see complete-sets.ts.
   */
  completeSetsOnly?: boolean;
  /** Which partial sets each round drops; the default is the better one (the benchmark compares them). */
  dropRule?: DropRule;
}

export type UnservedReason = 'NO_ELIGIBLE_OFFER' | 'ONLY_REFUSED' | 'ALL_FULL' | 'SHOP_LIMIT' | 'SET_INCOMPLETE';

export interface Assignment {
  requestId: string;
  offerId: string;
  /** The edge's integer cost (see AllocationCostWeights). */
  cost: number;
  coverageLevel: CoverageLevel;
  distanceKm: number;
}

export interface UnservedRequest {
  requestId: string;
  /**
   * NO_ELIGIBLE_OFFER: no offer passes the rules other than capacity and shop limits.
   * ONLY_REFUSED: the only offers that would are pairs the caller excluded (`excludedPairs`:
   * offers the request refused, or that declined it).
   * SHOP_LIMIT: the shop's limits are used up (by live matches or by this allocation).
   * ALL_FULL: otherwise — every eligible offer is full after the allocation.
   * SET_INCOMPLETE (only with `completeSetsOnly`): the request has eligible offers, but its set
   * could not be served whole, so none of it is served.
   */
  reason: UnservedReason;
}

export interface AllocationStats extends SolverStats {
  requests: number;
  offers: number;
  /** Request–offer pairs passing every rule but capacity and shop limits, with room left. */
  edges: number;
}

export interface AllocationResult {
  /** Sorted by request id. */
  assignments: Assignment[];
  served: number;
  totalCost: number;
  /** Sorted by request id. */
  unserved: UnservedRequest[];
  /** Sets among the requests: how many were served whole, in part or not at all. */
  sets: SetOutcome;
  stats: AllocationStats;
}

function validateContext(options: AllocationOptions): void {
  if (!Number.isFinite(options.now)) throw new MatchingInputError('INVALID_CONTEXT', 'now must be a finite epoch-ms number');
  const k = options.maxLiveMatchesPerShop;
  if (!Number.isInteger(k) || k < 0) throw new MatchingInputError('INVALID_CONTEXT', 'maxLiveMatchesPerShop must be an integer ≥ 0');
}

/**
 * Assigns open requests to offers all at once: the largest possible number of requests is
 * served without exceeding any offer's free slots or any shop's limits, and among those
 * assignments the one of least total cost is returned (exactly, not heuristically).
 * The result depends only on the input as a set: ids fix a canonical order.
 */
export function allocate(
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  options: AllocationOptions,
): AllocationResult {
  validateContext(options);
  const weights = resolveCostWeights(options.costWeights);
  const sets = setsOf(requests);
  const solve = (subset: readonly MatchingRequest[], favourSets = false): SetRound => {
    if (!favourSets) {
      const network = buildAllocationNetwork(subset, offers, options, weights);
      return { network, result: summarise(network, solveAllocation(network)) };
    }
    const extra = favourSetsTerm(weights);
    const network = buildAllocationNetwork(subset, offers, options, weights, extra);
    const result = summarise(network, solveAllocation(network));
    // Reported at true cost: the favour only chose among the assignments serving the most.
    const byId = new Map(subset.map((r) => [r.id, r]));
    const assignments = result.assignments.map((a) => {
      const request = byId.get(a.requestId);
      return request ? { ...a, cost: a.cost - extra(request) } : a;
    });
    return { network, result: { ...result, assignments, totalCost: assignments.reduce((sum, a) => sum + a.cost, 0) } };
  };
  if (options.completeSetsOnly) return allocateCompleteSets(requests, sets, solve, options.dropRule);
  const { result } = solve(requests);
  return { ...result, sets: setOutcome(sets, new Set(result.assignments.map((a) => a.requestId)), 0, 1) };
}

/**
 * Makes every request outside a set dearer than any request of a set could be, so that among the
 * assignments serving the most requests the solver takes sets' requests first.
 */
function favourSetsTerm(weights: AllocationCostWeights): (request: MatchingRequest) => number {
  const span = maxEdgeCost(weights) + 1;
  return (request) => (request.setId == null ? span : 0);
}

function summarise(network: AllocationNetwork, solution: AllocationSolution): Omit<AllocationResult, 'sets'> {
  const { requests, offers, edgeOffer, edgeCost, shops, shopOf } = network;
  const { assignedEdge, stats } = solution;
  const servedPerShop = new Int32Array(shops.length);
  const servedCategories = new Set<string>();
  for (let r = 0; r < requests.length; r++) {
    if (assignedEdge[r] < 0) continue;
    servedPerShop[shopOf[r]]++;
    servedCategories.add(`${shopOf[r]}:${requests[r].category}`);
  }

  const assignments: Assignment[] = [];
  const unserved: UnservedRequest[] = [];
  let totalCost = 0;
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r];
    const e = assignedEdge[r];
    if (e >= 0) {
      const offer = offers[edgeOffer[e]];
      // Recomputed for the few assigned pairs rather than stored for every candidate edge.
      const match = matchCoverage(request.location, compileOffer(offer));
      if (match === null) throw new Error(`internal: assigned offer ${offer.id} does not cover request ${request.id}`);
      assignments.push({ requestId: request.id, offerId: offer.id, cost: edgeCost[e], coverageLevel: match.level, distanceKm: match.distanceKm });
      totalCost += edgeCost[e];
      continue;
    }
    const shop = shops[shopOf[r]];
    const shopFull =
      !shopAdmits(network, r) ||
      servedCategories.has(`${shopOf[r]}:${request.category}`) ||
      servedPerShop[shopOf[r]] >= shop.freeSlots;
    const reason: UnservedReason =
      network.eligibleCount[r] === 0 ? (network.onlyRefused[r] === 1 ? 'ONLY_REFUSED' : 'NO_ELIGIBLE_OFFER') : shopFull ? 'SHOP_LIMIT' : 'ALL_FULL';
    unserved.push({ requestId: request.id, reason });
  }
  return {
    assignments,
    served: assignments.length,
    totalCost,
    unserved,
    stats: { ...stats, requests: requests.length, offers: offers.length, edges: edgeOffer.length },
  };
}
