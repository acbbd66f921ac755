import { ServiceCategory } from '../service-category';

/**
 * Plain data the engine works on. Times are epoch milliseconds (numbers), so the engine never
 * needs the `Date` global and results are reproducible from the input alone.
 */
export type EpochMs = number;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Where a shop is: ISTAT codes (text, leading zeros kept) and coordinates. */
export interface ShopLocation extends GeoPoint {
  comuneCode: string;
  provinceCode: string;
  regionCode: string;
}

/** The sections of ATECO 2025 (ISTAT's adaptation of NACE Rev. 2.1), A to V. */
export const ATECO_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V',
] as const;
export type AtecoSection = (typeof ATECO_SECTIONS)[number];

/** ATECO 2025 classification of the shop: section letter and two-digit division ("47"). */
export interface AtecoSector {
  section: AtecoSection;
  division: string;
}

/** Matches the shop already has in a live state (pending, accepted or active). */
export interface ShopLiveMatches {
  total: number;
  byCategory: Readonly<Partial<Record<ServiceCategory, number>>>;
}

/** An open help request, with what the engine needs to know about its shop. */
export interface MatchingRequest {
  id: string;
  shopId: string;
  category: ServiceCategory;
  createdAt: EpochMs;
  location: ShopLocation;
  sector: AtecoSector;
  shopLiveMatches: ShopLiveMatches;
  /**
   * The set the request belongs to (a shop's bundle): requests sharing a setId form one set.
   * Only an allocation with `completeSetsOnly` reads it.
   */
  setId?: string | null;
}

/** A circle around a point (a comune's or an address's coordinates). */
export interface RadiusArea extends GeoPoint {
  km: number;
}

/** Any mix of areas; an empty coverage covers nobody. */
export interface OfferCoverage {
  national: boolean;
  regionCodes: readonly string[];
  provinceCodes: readonly string[];
  comuneCodes: readonly string[];
  radii: readonly RadiusArea[];
}

/** A shop is eligible when its section OR its division is listed. */
export interface SectorFilter {
  sections: readonly AtecoSection[];
  divisions: readonly string[];
}

/** SUSPENDED: hidden by ministry staff (for example, conditions that are not free). */
export type OfferStatus = 'DRAFT' | 'PUBLISHED' | 'PAUSED' | 'SUSPENDED' | 'CLOSED';

export interface MatchingOffer {
  id: string;
  providerId: string;
  categories: readonly ServiceCategory[];
  coverage: OfferCoverage;
  /** `null` means every sector is eligible. */
  eligibleSectors: SectorFilter | null;
  capacity: number;
  /** Slots already taken: by live matches and by completed ones (capacity counts shops served). */
  used: number;
  freePeriodMonths: number;
  status: OfferStatus;
  validFrom: EpochMs;
  /** Last valid instant, inclusive; `null` means open-ended. */
  validUntil: EpochMs | null;
  providerApproved: boolean;
}

export interface MatchingContext {
  now: EpochMs;
  /** K: the most live matches one shop may hold at once. */
  maxLiveMatchesPerShop: number;
}

/** Per request id, the ids of offers an allocation must not give it. */
export type ExcludedPairs = ReadonlyMap<string, ReadonlySet<string>>;

/** What an allocation needs beyond the rules' context. */
export interface AllocationContext extends MatchingContext {
  /**
   * Pairs the allocation must not make, whatever the rules say: a request that refused an offer
   * (withdrew from it, or its provider declined it) is never given it again (docs/product.md,
   * "No re-match"). An excluded offer counts as not eligible for that request.
   */
  excludedPairs?: ExcludedPairs;
}

/** Every rule an offer can fail for a request, in the order they are reported. */
export const INELIGIBILITY_REASONS = [
  'CATEGORY',
  'OUTSIDE_COVERAGE',
  'SECTOR',
  'FULL',
  'NOT_PUBLISHED',
  'NOT_STARTED',
  'EXPIRED',
  'PROVIDER_NOT_APPROVED',
  'SHOP_CATEGORY_LIMIT',
  'SHOP_LIMIT',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export type EligibilityResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly failed: readonly [IneligibilityReason, ...IneligibilityReason[]] };

/** From most to least local; the index is the level's rank (0 = most local). */
export const COVERAGE_LEVELS = ['COMUNE', 'RADIUS', 'PROVINCE', 'REGION', 'NATIONAL'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];
