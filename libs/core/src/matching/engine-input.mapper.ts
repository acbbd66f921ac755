import { ATECO_SECTIONS, AtecoSection, MatchingOffer, MatchingRequest, ServiceCategory, ShopLiveMatches } from '@vec/matching';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import type { OfferEntity } from '../offer/offer.entity';
import { CoverageKind } from '../offer/offer.types';
import { VerificationStatus } from '../provider/provider.types';
import type { ShopEntity } from '../shop/shop.entity';
import type { ComuneEntity } from '../territory/comune.entity';

/**
 * Entities → the plain data the pure engine reads. The engine is the only judge of eligibility
 * and ranking; this file only translates (times to epoch ms, coverage rows to lists).
 */

const SECTIONS: ReadonlySet<string> = new Set(ATECO_SECTIONS);

function section(code: string): AtecoSection {
  if (!SECTIONS.has(code)) throw new Error(`ATECO section ${code} is not one the engine knows`);
  return code as AtecoSection;
}

/** Live matches of one shop per category, as counted by the database. */
export function liveMatchesOf(rows: readonly { category: ServiceCategory; count: number }[]): ShopLiveMatches {
  const byCategory: Partial<Record<ServiceCategory, number>> = {};
  let total = 0;
  for (const row of rows) {
    byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
    total += row.count;
  }
  return { total, byCategory };
}

export function toEngineRequest(
  request: Pick<HelpRequestEntity, 'id' | 'category' | 'createdAt'>,
  shop: Pick<ShopEntity, 'id' | 'latitude' | 'longitude' | 'atecoSection' | 'atecoDivision'>,
  comune: Pick<ComuneEntity, 'code' | 'provinceCode' | 'regionCode'>,
  live: ShopLiveMatches,
): MatchingRequest {
  return {
    id: request.id,
    shopId: shop.id,
    category: request.category,
    createdAt: request.createdAt.getTime(),
    location: { comuneCode: comune.code, provinceCode: comune.provinceCode, regionCode: comune.regionCode, latitude: shop.latitude, longitude: shop.longitude },
    sector: { section: section(shop.atecoSection), division: shop.atecoDivision },
    shopLiveMatches: live,
  };
}

/** The offer must come with its coverage rows and its provider loaded. */
export function toEngineOffer(offer: OfferEntity): MatchingOffer {
  if (!offer.coverage || !offer.provider) throw new Error(`offer ${offer.id} needs its coverage and provider loaded`);
  const rows = offer.coverage;
  const codes = (kind: CoverageKind, pick: (row: (typeof rows)[number]) => string | null): string[] =>
    rows.filter((row) => row.kind === kind).map(pick).filter((code): code is string => code !== null);
  return {
    id: offer.id,
    providerId: offer.providerId,
    categories: offer.categories,
    coverage: {
      national: offer.coverageNational,
      regionCodes: codes(CoverageKind.REGION, (row) => row.regionCode),
      provinceCodes: codes(CoverageKind.PROVINCE, (row) => row.provinceCode),
      comuneCodes: codes(CoverageKind.COMUNE, (row) => row.comuneCode),
      radii: rows
        .filter((row) => row.kind === CoverageKind.RADIUS && row.centerLatitude !== null && row.centerLongitude !== null && row.radiusKm !== null)
        .map((row) => ({ latitude: row.centerLatitude as number, longitude: row.centerLongitude as number, km: row.radiusKm as number })),
    },
    eligibleSectors: offer.allSectors ? null : { sections: offer.eligibleSections.map(section), divisions: offer.eligibleDivisions },
    capacity: offer.capacity,
    used: offer.used,
    freePeriodMonths: offer.freePeriodMonths,
    status: offer.status,
    validFrom: offer.validFrom.getTime(),
    validUntil: offer.validUntil ? offer.validUntil.getTime() : null,
    providerApproved: offer.provider.verificationStatus === VerificationStatus.APPROVED,
  };
}
