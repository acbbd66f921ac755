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
 * 1. solve exactly, with every request outside a set priced dearer than any request of a set
 *    could be (so that among the assignments serving the most, those serving sets' requests win;
 *    the number served is untouched, and costs are reported at their true value);
 * 2. drop sets served only in part (which ones: see DropRule): their requests leave the problem,
 *    freeing the slots and shop limits their served parts held;
 * 3. solve again with the requests left, and repeat until no set is served in part;
 * 4. let dropped sets that now fit whole in the room left back in (each once), converge again, and
 *    keep the better result (more served, then cheaper).
 *
 * Each round drops at least one set and each set comes back at most once, so it ends. What holds:
 * - the result is feasible (an exact solution of the allocation on fewer requests);
 * - no set is served in part;
 * - it serves as many as the plain optimum of the requests not dropped, and, given which sets it
 *   serves, it is exact: no assignment serving those sets whole and no other set's request serves
 *   more, or as many at a lower cost (the favour is the same for all of them);
 * - it depends only on the input as a set (every solve does, and so does what is dropped).
 * What is heuristic is which sets are served. The benchmark (`npm run bench:sets`) measures the
 * gap to the true optimum on small instances.
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
 * How rounds choose what to drop. `all`: every partial set. `keepHopeful`: partial sets in order
 * of the share of their requests served (least first, then by set id); each is dropped, and the
 * slots its served requests held are counted as freed, unless its unserved requests could each
 * take a distinct slot freed by the sets dropped before it — then it is kept for the next round,
 * where it may be served whole. A set that can never be whole (a request no offer takes, or more
 * requests than its shop may hold) is always dropped, and so is the first in the order, so every
 * round drops at least one. `favourSets`: keepHopeful, with the favour of step 1. `readmit` (the
 * default): favourSets, then step 4. The benchmark compares the four.
 */
export type DropRule = 'all' | 'keepHopeful' | 'favourSets' | 'readmit';

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rounds described at the top: solve, drop sets served in part, solve again without them,
 * until none is. A dropped request keeps NO_ELIGIBLE_OFFER (or ONLY_REFUSED) when no offer could ever serve it (the
 * rules alone decide that, so the first round already knows), else it is SET_INCOMPLETE.
 */
export function allocateCompleteSets(
  requests: readonly MatchingRequest[],
  sets: ReadonlyMap<string, readonly string[]>,
  solve: (subset: readonly MatchingRequest[], favourSets?: boolean) => SetRound,
  rule: DropRule = 'readmit',
): AllocationResult {
  const favourFirst = (rule === 'favourSets' || rule === 'readmit') && sets.size > 0;
  let rounds = 0;
  let first: SetRound | null = null;
  /** Solves and drops until no set is served in part. */
  const converge = (initiallyDropped: ReadonlySet<string>): { round: SetRound; dropped: Set<string> } => {
    const dropped = new Set(initiallyDropped);
    const kept = (): MatchingRequest[] => requests.filter((r) => r.setId == null || !dropped.has(r.setId));
    let round = solve(kept(), favourFirst);
    rounds++;
    first ??= round;
    for (;;) {
      const served = new Map(round.result.assignments.map((a) => [a.requestId, a.offerId]));
      const partial = [...sets].filter(([setId, members]) => {
        if (dropped.has(setId)) return false;
        const count = members.filter((id) => served.has(id)).length;
        return count > 0 && count < members.length;
      });
      if (partial.length === 0) return { round, dropped };
      const drops = rule === 'all' ? partial.map(([setId]) => setId) : chooseDrops(round.network, partial, served);
      for (const setId of drops) dropped.add(setId);
      round = solve(kept(), favourFirst);
      rounds++;
    }
  };

  let best = converge(new Set());
  const full = first as SetRound | null;
  if (full === null) throw new Error('internal: no round solved');
  if (rule === 'readmit') {
    // Dropped sets that now fit whole in the room left are let back in, each once; a result
    // replaces the best one only if it serves more (or as many, cheaper).
    const tried = new Set<string>();
    for (;;) {
      const back = readmittable(full.network, best.round.result, best.dropped, tried, sets);
      if (back.length === 0) break;
      for (const setId of back) tried.add(setId);
      const next = converge(new Set([...best.dropped].filter((setId) => !back.includes(setId))));
      const [a, b] = [next.round.result, best.round.result];
      if (a.served > b.served || (a.served === b.served && a.totalCost < b.totalCost)) best = next;
    }
  }

  const { result } = best.round;
  const noOffer = new Map(full.result.unserved.filter((u) => u.reason === 'NO_ELIGIBLE_OFFER' || u.reason === 'ONLY_REFUSED').map((u) => [u.requestId, u.reason]));
  const withdrawn: UnservedRequest[] = [];
  for (const setId of best.dropped) {
    for (const requestId of sets.get(setId) ?? []) {
      withdrawn.push({ requestId, reason: noOffer.get(requestId) ?? 'SET_INCOMPLETE' });
    }
  }
  const unserved = [...result.unserved, ...withdrawn].sort((x, y) => compareIds(x.requestId, y.requestId));
  return {
    ...result,
    unserved,
    sets: setOutcome(sets, new Set(result.assignments.map((a) => a.requestId)), best.dropped.size, rounds),
    // The last solve's counters; requests and candidate pairs of the whole input.
    stats: { ...result.stats, requests: requests.length, edges: full.result.stats.edges },
  };
}

/**
 * Dropped sets, not tried before, whose every request could take a distinct free slot left by
 * the result on one of its candidate offers, within its shop's remaining room: in order of size
 * (smallest first) and id, each taking its slots before the next is checked. `network` is the
 * first round's, which has every request.
 */
function readmittable(
  network: AllocationNetwork,
  result: Pick<AllocationResult, 'assignments'>,
  dropped: ReadonlySet<string>,
  tried: ReadonlySet<string>,
  sets: ReadonlyMap<string, readonly string[]>,
): string[] {
  const { requests, offers, remaining, edgeStart, edgeOffer, shops, shopOf } = network;
  const indexOf = new Map(requests.map((r, i) => [r.id, i]));
  const offerIndex = new Map(offers.map((o, i) => [o.id, i]));
  const room = Int32Array.from(remaining);
  const shopRoom = Int32Array.from(shops.map((shop) => shop.freeSlots));
  const categories = new Set<string>();
  for (const a of result.assignments) {
    const o = offerIndex.get(a.offerId);
    const r = indexOf.get(a.requestId);
    if (o === undefined || r === undefined) continue;
    room[o]--;
    shopRoom[shopOf[r]]--;
    categories.add(`${shopOf[r]}|${requests[r].category}`);
  }
  const candidates = [...dropped].filter((setId) => !tried.has(setId));
  candidates.sort((a, b) => (sets.get(a)?.length ?? 0) - (sets.get(b)?.length ?? 0) || compareIds(a, b));
  const back: string[] = [];
  for (const setId of candidates) {
    const members = (sets.get(setId) ?? []).map((id) => indexOf.get(id) ?? -1);
    const takenOffers: number[] = [];
    const takenShops: number[] = [];
    const takenCategories: string[] = [];
    const fits = members.every((r) => {
      if (r < 0 || !shopAdmits(network, r)) return false;
      const shop = shopOf[r];
      const category = `${shop}|${requests[r].category}`;
      if (shopRoom[shop] <= 0 || categories.has(category)) return false;
      for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
        const o = edgeOffer[e];
        if (room[o] <= 0) continue;
        room[o]--;
        shopRoom[shop]--;
        categories.add(category);
        takenOffers.push(o);
        takenShops.push(shop);
        takenCategories.push(category);
        return true;
      }
      return false;
    });
    if (fits) {
      back.push(setId);
      continue;
    }
    for (const o of takenOffers) room[o]++;
    for (const shop of takenShops) shopRoom[shop]++;
    for (const category of takenCategories) categories.delete(category);
  }
  return back;
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
