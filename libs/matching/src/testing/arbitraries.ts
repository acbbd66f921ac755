import fc from 'fast-check';
import { AtecoSection, MatchingContext, MatchingOffer, MatchingRequest, OfferStatus, ShopLocation } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { DAY, NOW } from './builders';

/**
 * Small random allocation instances for property tests. The territory is tiny (six comuni in
 * four provinces, three regions) and the categories few, so that offers overlap, capacities
 * bind, shops ask twice, and every rule fires often.
 */
const COMUNI: readonly ShopLocation[] = [
  { comuneCode: '001001', provinceCode: '001', regionCode: '01', latitude: 45.0, longitude: 7.6 },
  { comuneCode: '001002', provinceCode: '001', regionCode: '01', latitude: 45.1, longitude: 7.7 },
  { comuneCode: '002001', provinceCode: '002', regionCode: '01', latitude: 45.3, longitude: 8.4 },
  { comuneCode: '003001', provinceCode: '003', regionCode: '02', latitude: 45.7, longitude: 9.7 },
  { comuneCode: '003002', provinceCode: '003', regionCode: '02', latitude: 45.6, longitude: 9.9 },
  { comuneCode: '004001', provinceCode: '004', regionCode: '03', latitude: 41.9, longitude: 12.5 },
];
const CATEGORIES = [ServiceCategory.ONLINE_STORE, ServiceCategory.HOME_DELIVERY, ServiceCategory.WEBSITE] as const;
const SECTIONS: readonly AtecoSection[] = ['C', 'G', 'I'];
const DIVISIONS = ['10', '47', '56'] as const;

export interface AllocationInstance {
  requests: MatchingRequest[];
  offers: MatchingOffer[];
  context: MatchingContext;
}

const arbLocation = fc
  .record({ comune: fc.constantFrom(...COMUNI), dLat: fc.integer({ min: -40, max: 40 }), dLon: fc.integer({ min: -40, max: 40 }) })
  .map(({ comune, dLat, dLon }): ShopLocation => ({ ...comune, latitude: comune.latitude + dLat / 1000, longitude: comune.longitude + dLon / 1000 }));

const arbShop = fc.record({
  location: arbLocation,
  sector: fc.record({ section: fc.constantFrom(...SECTIONS), division: fc.constantFrom(...DIVISIONS) }),
  // Mostly no live matches, so that limits bind sometimes rather than always.
  liveTotal: fc.integer({ min: 0, max: 7 }).map((v) => (v > 3 ? 0 : v)),
  liveCategories: fc.integer({ min: 0, max: 5 }).map((v) => (v < CATEGORIES.length ? [CATEGORIES[v]] : [])),
});

const arbOffer = fc.record({
  categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
  national: fc.integer({ min: 0, max: 6 }).map((v) => v === 0),
  regionCodes: fc.subarray(['01', '02', '03'], { maxLength: 2 }),
  provinceCodes: fc.subarray(['001', '002', '003', '004'], { maxLength: 2 }),
  comuneCodes: fc.subarray(COMUNI.map((c) => c.comuneCode), { maxLength: 2 }),
  radii: fc.array(fc.record({ centre: fc.constantFrom(...COMUNI), km: fc.constantFrom(5, 10, 20, 40, 80) }), { maxLength: 1 }),
  sectors: fc.option(fc.record({ sections: fc.subarray([...SECTIONS], { maxLength: 2 }), divisions: fc.subarray([...DIVISIONS], { maxLength: 1 }) }), { freq: 3 }),
  capacity: fc.nat({ max: 4 }),
  usedShare: fc.nat({ max: 4 }),
  months: fc.integer({ min: 1, max: 24 }),
  status: fc.integer({ min: 0, max: 11 }).map((v): OfferStatus => (v === 0 ? 'PAUSED' : v === 1 ? 'DRAFT' : 'PUBLISHED')),
  notStarted: fc.integer({ min: 0, max: 11 }).map((v) => v === 0),
  expiry: fc.integer({ min: 0, max: 11 }),
  approved: fc.integer({ min: 0, max: 11 }).map((v) => v > 0),
});

export interface InstanceSize {
  maxShops: number;
  maxRequestsPerShop: number;
  maxOffers: number;
}

export function arbInstance({ maxShops, maxRequestsPerShop, maxOffers }: InstanceSize): fc.Arbitrary<AllocationInstance> {
  return fc
    .record({
      k: fc.integer({ min: 1, max: 3 }),
      shops: fc.array(
        fc.record({
          shop: arbShop,
          asks: fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), ageDays: fc.nat({ max: 120 }) }), {
            minLength: 1,
            maxLength: maxRequestsPerShop,
          }),
        }),
        { minLength: Math.ceil(maxShops / 2), maxLength: maxShops },
      ),
      offers: fc.array(arbOffer, { minLength: Math.floor(maxOffers / 2), maxLength: maxOffers }),
    })
    .map(({ k, shops, offers }): AllocationInstance => {
      const requests: MatchingRequest[] = [];
      shops.forEach(({ shop, asks }, s) => {
        const byCategory = Object.fromEntries(shop.liveCategories.map((c) => [c, 1]));
        const total = Math.max(shop.liveTotal, shop.liveCategories.length);
        asks.forEach((ask, i) =>
          requests.push({
            id: `r${String(requests.length).padStart(3, '0')}`,
            shopId: `s${s}`,
            category: ask.category,
            createdAt: NOW - ask.ageDays * DAY - i * 1000,
            location: shop.location,
            sector: shop.sector,
            shopLiveMatches: { total, byCategory },
          }),
        );
      });
      const built = offers.map(
        (o, i): MatchingOffer => ({
          id: `o${String(i).padStart(3, '0')}`,
          providerId: `p${i % 3}`,
          categories: o.categories,
          coverage: {
            national: o.national,
            regionCodes: o.regionCodes,
            provinceCodes: o.provinceCodes,
            comuneCodes: o.comuneCodes,
            radii: o.radii.map((r) => ({ latitude: r.centre.latitude, longitude: r.centre.longitude, km: r.km })),
          },
          eligibleSectors: o.sectors,
          capacity: o.capacity,
          used: Math.min(o.capacity, Math.floor((o.usedShare * o.capacity) / 8)),
          freePeriodMonths: o.months,
          status: o.status,
          validFrom: o.notStarted ? NOW + DAY : NOW - 30 * DAY,
          validUntil: o.expiry === 0 ? NOW - DAY : o.expiry < 6 ? null : NOW + 60 * DAY,
          providerApproved: o.approved,
        }),
      );
      return { requests, offers: built, context: { now: NOW, maxLiveMatchesPerShop: k } };
    });
}

/**
 * Small instances full of exact ties, as national programmes produce them: most offers cover the
 * whole country or a region (so a shop reaches many offers at exactly the same cost), requests
 * share a few ages, capacities are mostly 1 with some larger, and shops ask for up to four
 * services under K = 1 or 2, so that their limits bind.
 */
export function arbTieHeavyInstance({ maxShops, maxRequestsPerShop, maxOffers }: InstanceSize): fc.Arbitrary<AllocationInstance> {
  const tiedOffer = fc.record({
    categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
    reach: fc.integer({ min: 0, max: 9 }),
    region: fc.constantFrom('01', '02', '03'),
    province: fc.constantFrom('001', '002', '003', '004'),
    filtered: fc.integer({ min: 0, max: 7 }).map((v) => v === 0),
    capacity: fc.integer({ min: 0, max: 9 }).map((v) => (v < 6 ? 1 : v - 4)),
  });
  return fc
    .record({
      k: fc.integer({ min: 1, max: 2 }),
      shops: fc.array(
        fc.record({
          shop: arbShop,
          asks: fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), ageDays: fc.constantFrom(0, 10, 30, 100) }), {
            minLength: 1,
            maxLength: maxRequestsPerShop,
          }),
        }),
        { minLength: Math.ceil(maxShops / 2), maxLength: maxShops },
      ),
      offers: fc.array(tiedOffer, { minLength: Math.floor(maxOffers / 2), maxLength: maxOffers }),
    })
    .map(({ k, shops, offers }): AllocationInstance => {
      const requests: MatchingRequest[] = [];
      shops.forEach(({ shop, asks }, s) => {
        const total = Math.min(shop.liveTotal, 1);
        for (const ask of asks) {
          requests.push({
            id: `r${String(requests.length).padStart(3, '0')}`,
            shopId: `s${s}`,
            category: ask.category,
            createdAt: NOW - ask.ageDays * DAY,
            location: comuneOf(shop.location),
            sector: shop.sector,
            shopLiveMatches: { total, byCategory: {} },
          });
        }
      });
      const built = offers.map(
        (o, i): MatchingOffer => ({
          id: `o${String(i).padStart(3, '0')}`,
          providerId: `p${i % 3}`,
          categories: o.categories,
          coverage: {
            national: o.reach < 5,
            regionCodes: o.reach >= 5 && o.reach < 8 ? [o.region] : [],
            provinceCodes: o.reach >= 8 ? [o.province] : [],
            comuneCodes: [],
            radii: [],
          },
          eligibleSectors: o.filtered ? { sections: ['G'], divisions: ['10'] } : null,
          capacity: o.capacity,
          used: 0,
          freePeriodMonths: 6,
          status: 'PUBLISHED',
          validFrom: NOW - 30 * DAY,
          validUntil: null,
          providerApproved: true,
        }),
      );
      return { requests, offers: built, context: { now: NOW, maxLiveMatchesPerShop: k } };
    });
}

/** The shop's comune at its own coordinates: shops of one comune then tie on every offer. */
function comuneOf(location: ShopLocation): ShopLocation {
  return COMUNI.find((c) => c.comuneCode === location.comuneCode) ?? location;
}

/** Each instance with its requests and its offers listed again in another order: for the properties that the input's order must not change. */
export function withShuffledInput(instances: fc.Arbitrary<AllocationInstance>): fc.Arbitrary<{ instance: AllocationInstance; requests: AllocationInstance['requests']; offers: AllocationInstance['offers'] }> {
  return instances.chain((instance) =>
    fc.record({
      instance: fc.constant(instance),
      requests: fc.shuffledSubarray(instance.requests, { minLength: instance.requests.length, maxLength: instance.requests.length }),
      offers: fc.shuffledSubarray(instance.offers, { minLength: instance.offers.length, maxLength: instance.offers.length }),
    }),
  );
}
