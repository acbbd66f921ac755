import { Comune, Territory } from '@vec/territory';
import {
  AtecoSection,
  AtecoSector,
  MatchingContext,
  MatchingOffer,
  MatchingRequest,
  OfferCoverage,
  ShopLiveMatches,
  ShopLocation,
} from '../src/model/matching.types';
import { ServiceCategory } from '../src/service-category';
import { cumulativeOf, mulberry32, weightedIndex } from './prng';

/**
 * Synthetic national instances on the real Italian territory: shops sit in comuni drawn by
 * population, offers are mostly local (comune lists, radii, provinces) with some regional and a
 * few national ones, and capacity is scarce overall (about `capacityRatio` of demand) and unevenly
 * spread, so that the allocator has real choices to make. Deterministic for a given seed.
 */
export interface InstanceSpec {
  name: string;
  requests: number;
  offers: number;
  seed: number;
  /** Shares of offers by coverage kind; the rest are comune lists. */
  national: number;
  regional: number;
  provincial: number;
  radius: number;
  /** Radius range in km. */
  radiusKm: [number, number];
  /** Total free slots as a share of requests. */
  capacityRatio: number;
  /** Share of a comune-list offer's province that it also lists (default 0.1). */
  nearbyShare?: number;
  /**
   * How free slots are spread over offers: 'spread' (default) in proportion to the area an offer
   * reaches; 'heavy-tailed' from 1 to 500 whatever the area, most offers holding a single slot
   * and a few holding hundreds (large platforms next to small local firms).
   */
  capacityShape?: 'spread' | 'heavy-tailed';
  /** Relative weights of a shop asking for 1, 2, 3… services (default 80% one, then 15% two, 5% three). */
  asksPerShop?: readonly number[];
  /** K, the most live matches a shop may hold (default 3). */
  maxLiveMatchesPerShop?: number;
  /**
   * Share of Italy's population the instance lives in (default 1): shops and offer centres are
   * drawn from the first comuni by ISTAT code up to that share, so that an instance with a tenth
   * of the requests and offers on a tenth of the population has the same density (options per
   * request, requests per offer) as the whole.
   */
  territoryShare?: number;
  /** ISTAT code the territory share starts from (default: the first comune). */
  territoryFrom?: string;
}

export interface Instance {
  requests: MatchingRequest[];
  offers: MatchingOffer[];
  context: MatchingContext;
}

const NOW = 1_709_294_400_000;
const DAY = 86_400_000;
const CATEGORIES = Object.values(ServiceCategory);
/** Demand is skewed: online stores, delivery and payments were what shops asked for most. */
const CATEGORY_WEIGHTS = cumulativeOf([20, 8, 16, 8, 12, 9, 9, 6, 6, 3, 3]);
const SECTORS: readonly [AtecoSection, string, number][] = [
  ['G', '47', 40], ['I', '56', 18], ['C', '10', 8], ['C', '14', 4], ['S', '96', 8], ['N', '79', 3], ['M', '74', 4], ['G', '46', 5],
  ['R', '93', 3], ['Q', '86', 2], ['F', '43', 5],
];
const SECTOR_WEIGHTS = cumulativeOf(SECTORS.map(([, , w]) => w));

export function generateInstance(territory: Territory, spec: InstanceSpec): Instance {
  const random = mulberry32(spec.seed);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * random();
  const int = (lo: number, hi: number): number => Math.floor(between(lo, hi + 1));
  const comuni = populationShare(territory.comuni, spec.territoryShare ?? 1, spec.territoryFrom ?? '');
  const asksWeights = spec.asksPerShop === undefined ? null : cumulativeOf(spec.asksPerShop);
  const byPopulation = cumulativeOf(comuni.map((c) => Math.max(1, c.population)));
  const provincesByRegion = new Map<string, string[]>();
  for (const p of territory.provinces) provincesByRegion.set(p.regionCode, [...(provincesByRegion.get(p.regionCode) ?? []), p.code]);
  const comuniByProvince = new Map<string, Comune[]>();
  for (const c of comuni) comuniByProvince.set(c.provinceCode, [...(comuniByProvince.get(c.provinceCode) ?? []), c]);
  const category = (): ServiceCategory => CATEGORIES[weightedIndex(CATEGORY_WEIGHTS, random)];

  const requests: MatchingRequest[] = [];
  for (let s = 0; requests.length < spec.requests; s++) {
    const comune = comuni[weightedIndex(byPopulation, random)];
    const location: ShopLocation = {
      comuneCode: comune.code,
      provinceCode: comune.provinceCode,
      regionCode: comune.regionCode,
      latitude: comune.latitude + between(-0.03, 0.03),
      longitude: comune.longitude + between(-0.03, 0.03),
    };
    const [section, division] = SECTORS[weightedIndex(SECTOR_WEIGHTS, random)];
    const sector: AtecoSector = { section, division };
    const liveRoll = random();
    const live: ShopLiveMatches =
      liveRoll < 0.8 ? { total: 0, byCategory: {} } : liveRoll < 0.97 ? { total: 1, byCategory: { [category()]: 1 } } : { total: 3, byCategory: {} };
    const asks = asksWeights === null ? (random() < 0.8 ? 1 : random() < 0.75 ? 2 : 3) : 1 + weightedIndex(asksWeights, random);
    for (let i = 0; i < asks && requests.length < spec.requests; i++) {
      requests.push({
        id: `R${String(requests.length).padStart(7, '0')}`,
        shopId: `S${String(s).padStart(7, '0')}`,
        category: category(),
        createdAt: NOW - Math.floor(between(0, 120) * DAY),
        location,
        sector,
        shopLiveMatches: live,
      });
    }
  }

  const offers: MatchingOffer[] = [];
  const slotsPerOffer = (spec.capacityRatio * spec.requests) / spec.offers;
  const comuneShare = 1 - spec.national - spec.regional - spec.provincial - spec.radius;
  const meanReach = 4 * spec.national + 2 * spec.regional + 1.5 * spec.provincial + spec.radius + 0.7 * comuneShare;
  for (let i = 0; i < spec.offers; i++) {
    const centre = comuni[weightedIndex(byPopulation, random)];
    const roll = random();
    const coverage: OfferCoverage = { national: false, regionCodes: [], provinceCodes: [], comuneCodes: [], radii: [] };
    let reach = 1;
    if (roll < spec.national) {
      coverage.national = true;
      reach = 4;
    } else if (roll < spec.national + spec.regional) {
      coverage.regionCodes = [centre.regionCode];
      reach = 2;
    } else if (roll < spec.national + spec.regional + spec.provincial) {
      const siblings = provincesByRegion.get(centre.regionCode) ?? [centre.provinceCode];
      coverage.provinceCodes = [centre.provinceCode, ...siblings.filter(() => random() < 0.25)].filter((c, k, all) => all.indexOf(c) === k);
      reach = 1.5;
    } else if (roll < spec.national + spec.regional + spec.provincial + spec.radius) {
      coverage.radii = [{ latitude: centre.latitude, longitude: centre.longitude, km: Math.round(between(...spec.radiusKm)) }];
    } else {
      const nearby = comuniByProvince.get(centre.provinceCode) ?? [centre];
      coverage.comuneCodes = [centre.code, ...nearby.filter(() => random() < (spec.nearbyShare ?? 0.1)).map((c) => c.code)];
      reach = 0.7;
    }
    const categories = [category()];
    if (random() < 0.35) categories.push(category());
    if (random() < 0.1) categories.push(category());
    // Wider offers come with more capacity, but not in proportion to the area they cover.
    const capacity =
      spec.capacityShape === 'heavy-tailed' ? 0 : Math.max(1, Math.round((slotsPerOffer * reach * between(0.2, 1.8)) / meanReach));
    offers.push({
      id: `O${String(i).padStart(6, '0')}`,
      providerId: `P${String(i % Math.max(1, Math.floor(spec.offers / 4))).padStart(5, '0')}`,
      categories: [...new Set(categories)],
      coverage,
      eligibleSectors: random() < 0.8 ? null : { sections: ['G', 'I'], divisions: random() < 0.5 ? ['10'] : [] },
      capacity,
      used: random() < 0.3 ? int(0, capacity) : 0,
      freePeriodMonths: int(1, 12),
      status: random() < 0.95 ? 'PUBLISHED' : 'PAUSED',
      validFrom: NOW - int(1, 200) * DAY,
      validUntil: random() < 0.9 ? null : NOW - int(-60, 10) * DAY,
      providerApproved: random() < 0.97,
    });
  }
  if (spec.capacityShape === 'heavy-tailed') heavyTailedCapacities(offers, spec.capacityRatio * spec.requests, random);
  return { requests, offers, context: { now: NOW, maxLiveMatchesPerShop: spec.maxLiveMatchesPerShop ?? 3 } };
}

/** The first comuni by ISTAT code (whole provinces, mostly) holding `share` of the population. */
function populationShare(comuni: readonly Comune[], share: number, from: string): readonly Comune[] {
  if (share >= 1) return comuni;
  const total = comuni.reduce((sum, c) => sum + c.population, 0);
  const sorted = comuni.filter((c) => c.code >= from).sort((a, b) => (a.code < b.code ? -1 : 1));
  const chosen: Comune[] = [];
  let population = 0;
  for (const comune of sorted) {
    if (population >= share * total) break;
    chosen.push(comune);
    population += comune.population;
  }
  return chosen;
}

const MAX_HEAVY_CAPACITY = 500;
/** Tail index of the Pareto (Lomax) draw: below 2, so a few offers hold a large share. */
const TAIL_INDEX = 1.2;

/** How much more a wide offer holds, other things equal: national platforms dwarf local firms. */
function breadthWeight(offer: MatchingOffer): number {
  const { coverage } = offer;
  if (coverage.national) return 16;
  if (coverage.regionCodes.length > 0) return 4;
  if (coverage.comuneCodes.length > 0) return 0.25;
  return 1;
}

/**
 * Free slots from 1 to 500 with a heavy tail: a Lomax draw times the offer's breadth weight,
 * scaled (by bisection) so that the free slots add up to about `slots`, at least 1 each. About
 * half the offers end with a single slot; the largest national ones reach 500.
 */
function heavyTailedCapacities(offers: MatchingOffer[], slots: number, random: () => number): void {
  const draws = offers.map((offer) => breadthWeight(offer) * ((1 - random()) ** (-1 / TAIL_INDEX) - 1));
  const capacityAt = (scale: number, draw: number): number => Math.min(MAX_HEAVY_CAPACITY, Math.max(1, Math.round(draw * scale)));
  let lo = 0;
  let hi = 1e9;
  for (let step = 0; step < 60; step++) {
    const mid = (lo + hi) / 2;
    const total = draws.reduce((sum, d) => sum + capacityAt(mid, d), 0);
    if (total < slots) lo = mid;
    else hi = mid;
  }
  offers.forEach((offer, i) => {
    offer.capacity = offer.used + capacityAt(lo, draws[i]);
  });
}
