import { compileOffer, CompiledOffer, nearestCoveringRadiusKm, remainingCapacity, sectorEligible, validityFailures } from '../../eligibility/compiled-offer';
import { AllocationContext, MatchingOffer, MatchingRequest } from '../../model/matching.types';
import { MatchingInputError } from '../../model/matching-input.error';
import { ServiceCategory } from '../../service-category';
import { AllocationCostWeights, coverageLevelRank, offerCostTerm, requestCostTerm } from '../allocation-cost';
import { IntBuffer } from './int-buffer';
import { OfferIndex } from './offer-index';

/**
 * The allocation problem as arrays, in canonical order (requests and offers sorted by id), so
 * that everything built on it is independent of the order the caller listed things in.
 * Edges join a request to each offer that passes every rule except capacity and the shop's
 * limits (those are the network's capacities) and that still has room.
 */
export interface AllocationNetwork {
  readonly requests: readonly MatchingRequest[];
  readonly offers: readonly MatchingOffer[];
  /** Per offer: free slots (0 when it is not currently valid). */
  readonly remaining: Int32Array;
  /** Per request: offers passing the non-capacity, non-shop rules, including full ones. */
  readonly eligibleCount: Int32Array;
  /** Per request: 1 when it has no eligible offer but some that would be, were they not pairs the caller excluded (refused). */
  readonly onlyRefused: Uint8Array;
  /** CSR by request (length requests + 1) into edgeOffer / edgeCost. */
  readonly edgeStart: Int32Array;
  readonly edgeOffer: Int32Array;
  readonly edgeCost: Int32Array;
  /** Per request: index of its shop in `shops`. */
  readonly shopOf: Int32Array;
  readonly shops: readonly ShopState[];
  /** Per request: its shop already has a live match in the request's category. */
  readonly categoryTaken: Uint8Array;
}

export interface ShopState {
  readonly shopId: string;
  /** K minus the shop's live matches, never negative. */
  readonly freeSlots: number;
  readonly liveTotal: number;
  /** Canonical indices of the shop's requests, ascending. */
  readonly requests: readonly number[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sortedUnique<T extends { id: string }>(items: readonly T[], code: 'DUPLICATE_REQUEST_ID' | 'DUPLICATE_OFFER_ID'): T[] {
  const sorted = [...items].sort(byId);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new MatchingInputError(code, `id ${sorted[i].id} appears twice`);
  }
  return sorted;
}

export function buildAllocationNetwork(
  requestsInput: readonly MatchingRequest[],
  offersInput: readonly MatchingOffer[],
  context: AllocationContext,
  weights: AllocationCostWeights,
  /** Added to every edge of a request (complete-sets.ts uses it to favour sets' requests in some rounds). */
  extraTerm?: (request: MatchingRequest) => number,
): AllocationNetwork {
  const requests = sortedUnique(requestsInput, 'DUPLICATE_REQUEST_ID');
  const offers = sortedUnique(offersInput, 'DUPLICATE_OFFER_ID');
  const compiled = offers.map(compileOffer);
  const remaining = new Int32Array(offers.length);

  // Validity depends on the offer and `now` only: decide it once, index only valid offers.
  const valid: CompiledOffer[] = [];
  const validToOffer: number[] = [];
  compiled.forEach((offer, index) => {
    if (validityFailures(offer.offer, context.now).length > 0) return;
    valid.push(offer);
    validToOffer.push(index);
    remaining[index] = remainingCapacity(offer.offer);
  });
  const index = new OfferIndex(valid);

  const eligibleCount = new Int32Array(requests.length);
  const onlyRefused = new Uint8Array(requests.length);
  const edgeStart = new Int32Array(requests.length + 1);
  const edgeOffer = new IntBuffer();
  const offerTerm = new IntBuffer();
  // Requests of one comune and category share their candidates and how each offer's areas
  // cover them; only the sector and radius areas need the request itself.
  const groups = new Map<string, CandidateGroup>();
  requests.forEach((request, r) => {
    const key = index.candidateKey(request.category, request.location);
    let group = groups.get(key);
    if (group === undefined) {
      group = candidateGroup(index, valid, request);
      groups.set(key, group);
    }
    let eligible = 0;
    let refused = 0;
    const excluded = context.excludedPairs?.get(request.id);
    for (let i = 0; i < group.offers.length; i++) {
      const offer = valid[group.offers[i]];
      if (offer.sections !== null && !sectorEligible(request.sector, offer)) continue;
      if (excluded !== undefined && excluded.has(offer.offer.id)) {
        // Counted only if it covers the request: a refused offer elsewhere says nothing about this one.
        if (group.areaLevel[i] >= 0 || (group.radius[i] === 1 && nearestCoveringRadiusKm(request.location, offer.offer.coverage.radii) >= 0)) refused++;
        continue;
      }
      let level = group.areaLevel[i];
      let km = 0;
      if (level !== COMUNE_RANK && group.radius[i] === 1) {
        const nearest = nearestCoveringRadiusKm(request.location, offer.offer.coverage.radii);
        if (nearest >= 0) {
          level = RADIUS_RANK;
          km = nearest;
        }
      }
      if (level < 0) continue;
      eligible++;
      const o = validToOffer[group.offers[i]];
      if (remaining[o] === 0) continue;
      edgeOffer.push(o);
      offerTerm.push(offerCostTerm(weights, level, km));
    }
    eligibleCount[r] = eligible;
    if (eligible === 0 && refused > 0) onlyRefused[r] = 1;
    edgeStart[r + 1] = edgeOffer.length;
  });

  const edgeCost = offerTerm.toArray();
  for (let r = 0; r < requests.length; r++) {
    const start = edgeStart[r];
    const end = edgeStart[r + 1];
    if (start === end) continue;
    const term = requestCostTerm(weights, requests[r].createdAt, context.now, end - start) + (extraTerm?.(requests[r]) ?? 0);
    for (let e = start; e < end; e++) edgeCost[e] += term;
  }

  const { shops, shopOf, categoryTaken } = buildShops(requests, context.maxLiveMatchesPerShop);
  return { requests, offers, remaining, eligibleCount, onlyRefused, edgeStart, edgeOffer: edgeOffer.toArray(), edgeCost, shopOf, shops, categoryTaken };
}

const COMUNE_RANK = coverageLevelRank('COMUNE');
const RADIUS_RANK = coverageLevelRank('RADIUS');

/** A request's candidates for its category and place, by offer index, with their area match. */
interface CandidateGroup {
  offers: number[];
  /** Level rank of the most local AREA (not radius) covering the comune, or -1. */
  areaLevel: number[];
  /** 1 when the offer also has radius areas (checked per request, against its coordinates). */
  radius: number[];
}

function candidateGroup(index: OfferIndex, valid: readonly CompiledOffer[], request: MatchingRequest): CandidateGroup {
  const candidates: number[] = [];
  index.forEachCandidate(request.category, request.location, (v) => candidates.push(v));
  // Canonical edge order (by offer index) whatever order the index produced them in.
  candidates.sort((a, b) => a - b);
  const { comuneCode, provinceCode, regionCode } = request.location;
  const areaLevel = candidates.map((v) => {
    const offer = valid[v];
    if (offer.comuneCodes.has(comuneCode)) return COMUNE_RANK;
    if (offer.provinceCodes.has(provinceCode)) return coverageLevelRank('PROVINCE');
    if (offer.regionCodes.has(regionCode)) return coverageLevelRank('REGION');
    if (offer.offer.coverage.national) return coverageLevelRank('NATIONAL');
    return -1;
  });
  const radius = candidates.map((v) => (valid[v].offer.coverage.radii.length > 0 ? 1 : 0));
  return { offers: candidates, areaLevel, radius };
}

/**
 * Groups requests by shop. Every request carries its shop's live counts; should two of them
 * disagree (a stale read), the larger count wins, so a limit is never exceeded.
 */
function buildShops(
  requests: readonly MatchingRequest[],
  maxLive: number,
): { shops: ShopState[]; shopOf: Int32Array; categoryTaken: Uint8Array } {
  const byShop = new Map<string, number[]>();
  requests.forEach((request, r) => {
    const list = byShop.get(request.shopId);
    if (list) list.push(r);
    else byShop.set(request.shopId, [r]);
  });
  const shopIds = [...byShop.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shopOf = new Int32Array(requests.length);
  const categoryTaken = new Uint8Array(requests.length);
  const shops = shopIds.map((shopId, s): ShopState => {
    const members = byShop.get(shopId) ?? [];
    let liveTotal = 0;
    const liveByCategory = new Map<ServiceCategory, number>();
    for (const r of members) {
      const live = requests[r].shopLiveMatches;
      liveTotal = Math.max(liveTotal, live.total);
      for (const [category, count] of Object.entries(live.byCategory) as [ServiceCategory, number | undefined][]) {
        liveByCategory.set(category, Math.max(liveByCategory.get(category) ?? 0, count ?? 0));
      }
    }
    for (const r of members) {
      shopOf[r] = s;
      if ((liveByCategory.get(requests[r].category) ?? 0) >= 1) categoryTaken[r] = 1;
    }
    return { shopId, freeSlots: Math.max(0, maxLive - liveTotal), liveTotal, requests: members };
  });
  return { shops, shopOf, categoryTaken };
}
