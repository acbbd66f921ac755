import { GeoPoint, MatchingContext, MatchingOffer, MatchingRequest, OfferCoverage, RadiusArea, ShopLocation, ShopLiveMatches } from '../model/matching.types';
import { ServiceCategory } from '../service-category';

/** 1 March 2024, 12:00 UTC: the tests' fixed "now". */
export const NOW = 1_709_294_400_000;
export const DAY = 86_400_000;

/** Milano (comune 015146, province 015, region 03). */
export const MILANO: ShopLocation = { comuneCode: '015146', provinceCode: '015', regionCode: '03', latitude: 45.4642, longitude: 9.19 };
/** Monza (comune 108033, province 108, region 03), ~15 km from Milano. */
export const MONZA: ShopLocation = { comuneCode: '108033', provinceCode: '108', regionCode: '03', latitude: 45.5845, longitude: 9.2744 };
/** Roma (comune 058091, province 058, region 12). */
export const ROMA: ShopLocation = { comuneCode: '058091', provinceCode: '058', regionCode: '12', latitude: 41.9028, longitude: 12.4964 };

export const aContext = (overrides: Partial<MatchingContext> = {}): MatchingContext => ({
  now: NOW,
  maxLiveMatchesPerShop: 3,
  ...overrides,
});

export const aRequest = (overrides: Partial<MatchingRequest> = {}): MatchingRequest => ({
  id: 'req-1',
  shopId: 'shop-1',
  category: ServiceCategory.ONLINE_STORE,
  createdAt: NOW - 10 * DAY,
  location: MILANO,
  sector: { section: 'G', division: '47' },
  shopLiveMatches: { total: 0, byCategory: {} },
  ...overrides,
});

export const noCoverage = (): OfferCoverage => ({ national: false, regionCodes: [], provinceCodes: [], comuneCodes: [], radii: [] });

export const aCoverage = (overrides: Partial<OfferCoverage> = {}): OfferCoverage => ({ ...noCoverage(), ...overrides });

export const anOffer = (overrides: Partial<MatchingOffer> = {}): MatchingOffer => ({
  id: 'off-1',
  providerId: 'prov-1',
  categories: [ServiceCategory.ONLINE_STORE],
  coverage: aCoverage({ national: true }),
  eligibleSectors: null,
  capacity: 10,
  used: 0,
  freePeriodMonths: 6,
  status: 'PUBLISHED',
  validFrom: NOW - 30 * DAY,
  validUntil: null,
  providerApproved: true,
  ...overrides,
});

/**
 * Kilometres per degree along a meridian on the mean Earth radius (6371.0088 km): moving due
 * north changes only the latitude, so the great-circle distance is exactly R·Δφ and tests can
 * place points at a known distance without computing a haversine.
 */
export const KM_PER_DEGREE_LATITUDE = (6371.0088 * Math.PI) / 180;

/** The same place (same ISTAT codes) moved `km` due north (south when negative). */
export const northOf = <T extends GeoPoint>(place: T, km: number): T => ({ ...place, latitude: place.latitude + km / KM_PER_DEGREE_LATITUDE });

export const aRadius = (centre: GeoPoint, km: number): RadiusArea => ({ latitude: centre.latitude, longitude: centre.longitude, km });

export const liveMatches = (total: number, byCategory: ShopLiveMatches['byCategory'] = {}): ShopLiveMatches => ({ total, byCategory });
