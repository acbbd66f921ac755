import { distanceKm } from '@vec/territory';
import { ServiceCategory } from '../service-category';
import {
  AtecoSector,
  CoverageLevel,
  MatchingContext,
  MatchingOffer,
  RadiusArea,
  ShopLocation,
} from '../model/matching.types';

/**
 * An offer with its lists turned into sets, so that checking one request costs O(1) per rule
 * however many comuni or sectors the offer lists. Built once per offer and reused for every
 * request (the allocator checks millions of pairs).
 */
export interface CompiledOffer {
  readonly offer: MatchingOffer;
  readonly categories: ReadonlySet<ServiceCategory>;
  readonly regionCodes: ReadonlySet<string>;
  readonly provinceCodes: ReadonlySet<string>;
  readonly comuneCodes: ReadonlySet<string>;
  readonly sections: ReadonlySet<string> | null;
  readonly divisions: ReadonlySet<string> | null;
}

export function compileOffer(offer: MatchingOffer): CompiledOffer {
  const sectors = offer.eligibleSectors;
  return {
    offer,
    categories: new Set(offer.categories),
    regionCodes: new Set(offer.coverage.regionCodes),
    provinceCodes: new Set(offer.coverage.provinceCodes),
    comuneCodes: new Set(offer.coverage.comuneCodes),
    sections: sectors ? new Set<string>(sectors.sections) : null,
    divisions: sectors ? new Set(sectors.divisions) : null,
  };
}

/** How an offer reaches a shop: the most local covering level, and the distance that goes with it. */
export interface CoverageMatch {
  level: CoverageLevel;
  /**
   * Kilometres from the shop to the centre of the nearest radius area that contains it when the
   * level is RADIUS; 0 for area coverage (comune, province, region, national), where the shop is
   * inside the area the provider serves and there is no meaningful point to measure from.
   */
  distanceKm: number;
}

const COMUNE_MATCH: CoverageMatch = { level: 'COMUNE', distanceKm: 0 };
const PROVINCE_MATCH: CoverageMatch = { level: 'PROVINCE', distanceKm: 0 };
const REGION_MATCH: CoverageMatch = { level: 'REGION', distanceKm: 0 };
const NATIONAL_MATCH: CoverageMatch = { level: 'NATIONAL', distanceKm: 0 };

/** Distance to the nearest radius centre whose circle contains the shop, or -1 when none does. */
export function nearestCoveringRadiusKm(location: ShopLocation, radii: readonly RadiusArea[]): number {
  let best = -1;
  for (const area of radii) {
    const km = distanceKm(location, area);
    if (km <= area.km && (best < 0 || km < best)) best = km;
  }
  return best;
}

export function matchCoverage(location: ShopLocation, offer: CompiledOffer): CoverageMatch | null {
  if (offer.comuneCodes.has(location.comuneCode)) return COMUNE_MATCH;
  const radii = offer.offer.coverage.radii;
  if (radii.length > 0) {
    const km = nearestCoveringRadiusKm(location, radii);
    if (km >= 0) return { level: 'RADIUS', distanceKm: km };
  }
  if (offer.provinceCodes.has(location.provinceCode)) return PROVINCE_MATCH;
  if (offer.regionCodes.has(location.regionCode)) return REGION_MATCH;
  if (offer.offer.coverage.national) return NATIONAL_MATCH;
  return null;
}

export function sectorEligible(sector: AtecoSector, offer: CompiledOffer): boolean {
  if (offer.sections === null || offer.divisions === null) return true;
  return offer.sections.has(sector.section) || offer.divisions.has(sector.division);
}

/** Rule 5 (validity) as the reasons it fails, in report order; depends on the offer and `now` only. */
export type ValidityReason = 'NOT_PUBLISHED' | 'NOT_STARTED' | 'EXPIRED' | 'PROVIDER_NOT_APPROVED';

export function validityFailures(offer: MatchingOffer, now: MatchingContext['now']): ValidityReason[] {
  const failed: ValidityReason[] = [];
  if (offer.status !== 'PUBLISHED') failed.push('NOT_PUBLISHED');
  if (now < offer.validFrom) failed.push('NOT_STARTED');
  if (offer.validUntil !== null && now > offer.validUntil) failed.push('EXPIRED');
  if (!offer.providerApproved) failed.push('PROVIDER_NOT_APPROVED');
  return failed;
}

/** Slots still free; never negative even if the stored counters disagree. */
export function remainingCapacity(offer: MatchingOffer): number {
  return Math.max(0, offer.capacity - offer.used);
}
