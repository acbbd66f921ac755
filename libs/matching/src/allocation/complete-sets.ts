import { MatchingRequest } from '../model/matching.types';
import type { AllocationResult, UnservedRequest } from './allocate';
import type { AllocationNetwork } from './network/allocation-network';
import { shopAdmits } from './network/shop-tree';

/**
 * Complete sets only: a request that belongs to a set (requests sharing a `setId`, a shop's
 * bundle) is served only when every request of its set is served.
 *
 * The exact problem — the most requests served, then the least cost, with every set all or
 * nothing — is an integer program (NP-hard in general: sets tie units of flow together, which a
 * flow network cannot express). This is a heuristic on top of the exact solver:
 *
 * 1. solve the plain problem exactly;
 * 2. sets served only in part are dropped (which ones: see DropRule): their requests leave the
 *    problem, freeing the slots and shop limits their served parts held;
 * 3. solve again with the requests left, and repeat until no set is served in part.
 *
 * Each round drops at least one set, so there are at most (sets + 1) rounds. What holds:
 * - the result is feasible (it is an exact solution of the plain problem on fewer requests);
 * - no set is served in part;
 * - given the sets kept, it is exact: the most requests served, then the least cost, among all
 *   assignments of the requests not dropped (a set-respecting one is one of those);
 * - it depends only on the input as a set (every solve does, and so does what is dropped).
 * What is heuristic is only which sets are dropped: a set dropped in an early round might have
 * been complete once another set had let go of a slot. The benchmark (`npm run bench:sets`)
 * measures the gap to the true optimum on small instances.
 */

/** What happened to the sets of a run (a request without a set belongs to none). */
export interface SetOutcome {
  /** Distinct set ids among the requests. */
  total: number;
  /** Sets with every request served. */
  complete: number;
  /** Sets with some requests served and some not (0 with `completeSetsOnly`). */
  partial: number;
  /** Sets with no request served (dropped ones included). */
  unserved: number;
  /** Sets withdrawn because they were served only in part (only with `completeSetsOnly`). */
  dropped: number;
  /** Exact solves run: 1 without `completeSetsOnly`. */
  rounds: number;
}

/** Request ids per set id, both in id order. */
export function setsOf(requests: readonly MatchingRequest[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const request of requests) {
    if (request.setId == null) continue;
    const members = sets.get(request.setId);
    if (members) members.push(request.id);
    else sets.set(request.setId, [request.id]);
  }
  const ids = [...sets.keys()].sort();
  return new Map(ids.map((id) => [id, [...(sets.get(id) ?? [])].sort()]));
}

/** Counts complete, partial and unserved sets for the requests served. */
export function setOutcome(
  sets: ReadonlyMap<string, readonly string[]>,
  served: ReadonlySet<string>,
  dropped: number,
  rounds: number,
): SetOutcome {
  let complete = 0;
  let partial = 0;
  for (const members of sets.values()) {
    const count = members.filter((id) => served.has(id)).length;
    if (count === members.length) complete++;
    else if (count > 0) partial++;
  }
  return { total: sets.size, complete, partial, unserved: sets.size - complete - partial, dropped, rounds };
}

/** One exact solve of the plain problem on some of the requests, with its network. */
export interface SetRound {
  result: Omit<AllocationResult, 'sets'>;
  network: AllocationNetwork;
}

/**
 * Which partial sets a round drops. `all`: every one. `keepHopeful` (the default): partial sets
 * in order of the share of their requests served (least first, then by set id); each is dropped,
 * and the slots its served requests held are counted as freed, unless its unserved requests could
 * each take a distinct slot freed by the sets dropped before it — then it is kept for the next
 * round, where it may be served whole. A set that can never be whole (a request no offer takes,
 * or more requests than its shop may hold) is always dropped. The first set in the order is
 * always dropped, so every round drops at least one.
 */
export type DropRule = 'all' | 'keepHopeful';

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rounds described at the top: solve, drop sets served in part, solve again without them,
 * until none is. A dropped request keeps NO_ELIGIBLE_OFFER when no offer could ever serve it (the
 * rules alone decide that, so the first round already knows), else it is SET_INCOMPLETE.
 */
export function allocateCompleteSets(
  requests: readonly MatchingRequest[],
  sets: ReadonlyMap<string, readonly string[]>,
  solve: (subset: readonly MatchingRequest[]) => SetRound,
  rule: DropRule = 'keepHopeful',
): AllocationResult {
  const first = solve(requests);
  const noOffer = new Set(first.result.unserved.filter((u) => u.reason === 'NO_ELIGIBLE_OFFER').map((u) => u.requestId));
  const dropped = new Set<string>();
  let round = first;
  let rounds = 1;
  for (;;) {
    const served = new Map(round.result.assignments.map((a) => [a.requestId, a.offerId]));
    const partial = [...sets].filter(([setId, members]) => {
      if (dropped.has(setId)) return false;
      const count = members.filter((id) => served.has(id)).length;
      return count > 0 && count < members.length;
    });
    if (partial.length === 0) break;
    const drops = rule === 'all' ? partial.map(([setId]) => setId) : chooseDrops(round.network, partial, served);
    for (const setId of drops) dropped.add(setId);
    round = solve(requests.filter((r) => r.setId == null || !dropped.has(r.setId)));
    rounds++;
  }
  const { result } = round;
  const withdrawn: UnservedRequest[] = [];
  for (const setId of dropped) {
    for (const requestId of sets.get(setId) ?? []) {
      withdrawn.push({ requestId, reason: noOffer.has(requestId) ? 'NO_ELIGIBLE_OFFER' : 'SET_INCOMPLETE' });
    }
  }
  const unserved = [...result.unserved, ...withdrawn].sort((a, b) => compareIds(a.requestId, b.requestId));
  return {
    ...result,
    unserved,
    sets: setOutcome(sets, new Set(result.assignments.map((a) => a.requestId)), dropped.size, rounds),
    // The last solve's counters; requests and candidate pairs of the whole input.
    stats: { ...result.stats, requests: requests.length, edges: first.result.stats.edges },
  };
}

/** The `keepHopeful` rule (see DropRule). */
function chooseDrops(network: AllocationNetwork, partial: readonly [string, readonly string[]][], served: ReadonlyMap<string, string>): string[] {
  const { requests, offers, edgeStart, edgeOffer, eligibleCount, shops, shopOf } = network;
  const indexOf = new Map(requests.map((r, i) => [r.id, i]));
  const offerIndex = new Map(offers.map((o, i) => [o.id, i]));
  const at = (id: string): number => {
    const r = indexOf.get(id);
    if (r === undefined) throw new Error(`internal: request ${id} of a partial set is not in the round`);
    return r;
  };
  const share = (members: readonly string[]): number => members.filter((id) => served.has(id)).length / members.length;
  const order = [...partial].sort(([a, am], [b, bm]) => share(am) - share(bm) || compareIds(a, b));

  const freed = new Map<number, number>();
  const drops: string[] = [];
  const drop = (setId: string, members: readonly string[]): void => {
    drops.push(setId);
    for (const id of members) {
      const offerId = served.get(id);
      const o = offerId === undefined ? undefined : offerIndex.get(offerId);
      if (o !== undefined) freed.set(o, (freed.get(o) ?? 0) + 1);
    }
  };
  for (const [setId, members] of order) {
    const indices = members.map(at);
    const perShop = new Map<number, number>();
    for (const r of indices) perShop.set(shopOf[r], (perShop.get(shopOf[r]) ?? 0) + 1);
    const never =
      indices.some((r) => eligibleCount[r] === 0 || !shopAdmits(network, r)) || [...perShop].some(([shop, n]) => n > shops[shop].freeSlots);
    if (never || drops.length === 0) {
      drop(setId, members);
      continue;
    }
    // Each unserved request takes a distinct freed slot of one of its candidate offers, if it can.
    const taken: number[] = [];
    const fits = indices
      .filter((r) => !served.has(requests[r].id))
      .every((r) => {
        for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
          const o = edgeOffer[e];
          const left = freed.get(o) ?? 0;
          if (left > 0) {
            freed.set(o, left - 1);
            taken.push(o);
            return true;
          }
        }
        return false;
      });
    if (fits) continue;
    for (const o of taken) freed.set(o, (freed.get(o) ?? 0) + 1);
    drop(setId, members);
  }
  return drops;
}
