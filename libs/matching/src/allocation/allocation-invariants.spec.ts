import { distanceKm } from '@vec/territory';
import fc from 'fast-check';
import { eligibility } from '../eligibility/eligibility';
import { IneligibilityReason, MatchingContext, MatchingOffer, MatchingRequest } from '../model/matching.types';
import { AllocationInstance, arbInstance, withShuffledInput } from '../testing/arbitraries';
import { aContext, aCoverage, anOffer, aRadius, aRequest, MILANO } from '../testing/builders';
import { allocate, AllocationResult } from './allocate';

const SIZES = [
  { name: 'small', size: { maxShops: 6, maxRequestsPerShop: 3, maxOffers: 5 }, runs: 150 },
  { name: 'medium', size: { maxShops: 30, maxRequestsPerShop: 3, maxOffers: 15 }, runs: 40 },
] as const;

const SEED = 20240301;

/** Rules that only capacity and shop limits decide: what the allocator itself arbitrates. */
const ARBITRATED: ReadonlySet<IneligibilityReason> = new Set(['FULL', 'SHOP_CATEGORY_LIMIT', 'SHOP_LIMIT']);

const freeSlots = (offer: MatchingOffer): number => Math.max(0, offer.capacity - offer.used);

const passesFixedRules = (request: MatchingRequest, offer: MatchingOffer, context: MatchingContext): boolean => {
  const result = eligibility(request, offer, context);
  return result.ok || result.failed.every((reason) => ARBITRATED.has(reason));
};

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** A shop's live matches before the allocation, as the most any of its requests reports. */
function liveBefore(requests: readonly MatchingRequest[]): { total: Map<string, number>; inCategory: (shopId: string, category: string) => number } {
  const total = new Map<string, number>();
  const byCategory = new Map<string, number>();
  for (const r of requests) {
    total.set(r.shopId, Math.max(total.get(r.shopId) ?? 0, r.shopLiveMatches.total));
    for (const [category, count] of Object.entries(r.shopLiveMatches.byCategory)) {
      const key = `${r.shopId}|${category}`;
      byCategory.set(key, Math.max(byCategory.get(key) ?? 0, count ?? 0));
    }
  }
  return { total, inCategory: (shopId, category) => byCategory.get(`${shopId}|${category}`) ?? 0 };
}

/**
 * First come, first served: requests by age (oldest first, then id), each taking the first offer
 * (by id) still eligible once earlier assignments are counted against offers and shops.
 */
function firstComeServed({ requests, offers, context }: AllocationInstance): number {
  const used = new Map(offers.map((o) => [o.id, o.used]));
  const live = liveBefore(requests);
  const shopTotal = new Map(live.total);
  const shopCategories = new Map<string, number>();
  const queue = [...requests].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const byId = [...offers].sort((a, b) => (a.id < b.id ? -1 : 1));
  let served = 0;
  for (const request of queue) {
    const categoryKey = `${request.shopId}|${request.category}`;
    const current: MatchingRequest = {
      ...request,
      shopLiveMatches: {
        total: shopTotal.get(request.shopId) ?? 0,
        byCategory: { [request.category]: live.inCategory(request.shopId, request.category) + (shopCategories.get(categoryKey) ?? 0) },
      },
    };
    const chosen = byId.find((offer) => eligibility(current, { ...offer, used: used.get(offer.id) ?? 0 }, context).ok);
    if (chosen === undefined) continue;
    used.set(chosen.id, (used.get(chosen.id) ?? 0) + 1);
    shopTotal.set(request.shopId, (shopTotal.get(request.shopId) ?? 0) + 1);
    shopCategories.set(categoryKey, (shopCategories.get(categoryKey) ?? 0) + 1);
    served++;
  }
  return served;
}

/** Looks an id up; an id the allocator made up fails the test loudly. */
function lookup<T extends { id: string }>(items: readonly T[]): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const item = map.get(id);
    if (item === undefined) throw new Error(`unknown id ${id} in the result`);
    return item;
  };
}

const withoutStats = ({ assignments, served, totalCost, unserved }: AllocationResult): Omit<AllocationResult, 'stats' | 'sets'> => ({ assignments, served, totalCost, unserved });

describe.each(SIZES)('allocation invariants on random $name instances', ({ size, runs }) => {
  const instances = arbInstance(size);
  const options = { numRuns: runs, seed: SEED };

  it('every request is either assigned once or unserved once, both lists sorted by request id', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const result = allocate(requests, offers, context);
        const ids = [...result.assignments.map((a) => a.requestId), ...result.unserved.map((u) => u.requestId)];
        expect([...ids].sort()).toEqual(requests.map((r) => r.id).sort());
        expect(result.assignments.map((a) => a.requestId)).toEqual(result.assignments.map((a) => a.requestId).sort());
        expect(result.unserved.map((u) => u.requestId)).toEqual(result.unserved.map((u) => u.requestId).sort());
        expect(result.served).toBe(result.assignments.length);
        expect(result.totalCost).toBe(result.assignments.reduce((sum, a) => sum + a.cost, 0));
      }),
      options,
    );
  });

  it('never assigns more requests to an offer than it has free slots', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const perOffer = countBy(allocate(requests, offers, context).assignments, (a) => a.offerId);
        const over = offers.filter((o) => (perOffer.get(o.id) ?? 0) > freeSlots(o)).map((o) => o.id);
        expect(over).toEqual([]);
      }),
      options,
    );
  });

  it('every assignment passes every eligibility rule for its request (category, coverage, sector, validity, shop limits)', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const [requestOf, offerOf] = [lookup(requests), lookup(offers)];
        const failures = allocate(requests, offers, context).assignments.flatMap((a) => {
          const result = eligibility(requestOf(a.requestId), offerOf(a.offerId), context);
          return result.ok ? [] : [{ assignment: a, failed: result.failed }];
        });
        expect(failures).toEqual([]);
      }),
      options,
    );
  });

  it('never exceeds a shop’s limits, counting the live matches it already has', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const requestOf = lookup(requests);
        const assigned = allocate(requests, offers, context).assignments.map((a) => requestOf(a.requestId));
        const live = liveBefore(requests);
        const overK = [...countBy(assigned, (r) => r.shopId)].filter(([shop, n]) => (live.total.get(shop) ?? 0) + n > context.maxLiveMatchesPerShop);
        const overCategory = [...countBy(assigned, (r) => `${r.shopId}|${r.category}`)].filter(([key, n]) => {
          const [shop, category] = key.split('|');
          return live.inCategory(shop, category) + n > 1;
        });
        expect({ overK, overCategory }).toEqual({ overK: [], overCategory: [] });
      }),
      options,
    );
  });

  it('gives the same result whatever order requests and offers are listed in', () => {
    const shuffled = withShuffledInput(instances);
    fc.assert(
      fc.property(shuffled, ({ instance: { requests, offers, context }, requests: shuffledRequests, offers: shuffledOffers }) => {
        expect(withoutStats(allocate(shuffledRequests, shuffledOffers, context))).toEqual(withoutStats(allocate(requests, offers, context)));
      }),
      options,
    );
  });

  it('serves at least as many requests as first come, first served', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const result = allocate(instance.requests, instance.offers, instance.context);
        expect(result.served).toBeGreaterThanOrEqual(firstComeServed(instance));
      }),
      options,
    );
  });

  it('gives each unserved request the reason it documents', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const result = allocate(requests, offers, context);
        const requestOf = lookup(requests);
        const perOffer = countBy(result.assignments, (a) => a.offerId);
        const assigned = result.assignments.map((a) => requestOf(a.requestId));
        const perShop = countBy(assigned, (r) => r.shopId);
        const perShopCategory = countBy(assigned, (r) => `${r.shopId}|${r.category}`);
        const live = liveBefore(requests);
        const wrong = result.unserved.flatMap(({ requestId, reason }) => {
          const request = requestOf(requestId);
          const candidates = offers.filter((o) => passesFixedRules(request, o, context));
          const shopUsedUp =
            live.inCategory(request.shopId, request.category) + (perShopCategory.get(`${request.shopId}|${request.category}`) ?? 0) >= 1 ||
            (live.total.get(request.shopId) ?? 0) + (perShop.get(request.shopId) ?? 0) >= context.maxLiveMatchesPerShop;
          const allFull = candidates.every((o) => (perOffer.get(o.id) ?? 0) >= freeSlots(o));
          const expected = candidates.length === 0 ? 'NO_ELIGIBLE_OFFER' : shopUsedUp ? 'SHOP_LIMIT' : 'ALL_FULL';
          return reason === expected && (reason !== 'ALL_FULL' || allFull) ? [] : [{ requestId, reason, expected, allFull }];
        });
        expect(wrong).toEqual([]);
      }),
      options,
    );
  });
});

describe('allocation finds every eligible pair', () => {
  it('a lone request and a lone offer from a random instance: served exactly when eligible', () => {
    const pairs = arbInstance({ maxShops: 2, maxRequestsPerShop: 1, maxOffers: 2 }).filter((i) => i.requests.length > 0 && i.offers.length > 0);
    fc.assert(
      fc.property(pairs, ({ requests: [request], offers: [offer], context }) => {
        expect(allocate([request], [offer], context).served).toBe(eligibility(request, offer, context).ok ? 1 : 0);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('a radius anywhere in Italy, reaching the shop, short of it or exactly to it: served exactly when the shop is inside', () => {
    const point = fc.record({ latitude: fc.double({ min: 36, max: 47.5, noNaN: true }), longitude: fc.double({ min: 6, max: 19, noNaN: true }) });
    fc.assert(
      fc.property(point, point, fc.constantFrom(0, 0.5, 0.99, 1, 1.01, 2), (shop, centre, reach) => {
        // A shop at the very centre is inside every radius, even 0 km.
        fc.pre(distanceKm(shop, centre) > 0.01);
        const request = aRequest({ location: { ...MILANO, ...shop } });
        const offer = anOffer({ coverage: aCoverage({ radii: [aRadius(centre, distanceKm(shop, centre) * reach)] }) });
        const expected = reach >= 1 ? 1 : 0;
        expect(eligibility(request, offer, aContext()).ok ? 1 : 0).toBe(expected);
        expect(allocate([request], [offer], aContext()).served).toBe(expected);
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});
