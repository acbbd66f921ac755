import { RequestContext } from '../common/request-context';
import { TerritoryErrorCode, TerritoryException } from '../territory/territory.exception';
import { TerritoryService } from '../territory/territory.service';
import { fieldPath } from '../common/field-path';
import { centreOutsideItaly, MAX_KM_FROM_NEAREST_COMUNE } from './offer-coverage.centre';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { OfferErrorCode, OfferException } from './offer.exception';
import { CoverageKind } from './offer.types';
import type { CoverageRadius, OfferCoverageChoice } from './offer.commands';

export type CoverageRow = Pick<
  OfferCoverageEntity,
  'kind' | 'regionCode' | 'provinceCode' | 'comuneCode' | 'centerLatitude' | 'centerLongitude' | 'radiusKm'
>;

export interface ResolvedCoverage {
  national: boolean;
  rows: CoverageRow[];
}

/** What coverage needs of the territory: the service itself, or a reader of it preloaded for a whole import. */
export type CoverageTerritory = Pick<TerritoryService, 'getRegion' | 'getProvince' | 'findComuniByCodes' | 'allComuni'>;

/** Set in the input: GraphQL clients may send null for an optional field. */
const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

const EMPTY_ROW: CoverageRow = {
  kind: CoverageKind.REGION,
  regionCode: null,
  provinceCode: null,
  comuneCode: null,
  centerLatitude: null,
  centerLongitude: null,
  radiusKm: null,
};

/** A circle is drawn around a comune or around a whole point: which of the three ways it fails, if any. */
function radiusCentreProblem(radius: CoverageRadius): OfferErrorCode | undefined {
  const hasPoint = given(radius.latitude) || given(radius.longitude);
  const wholePoint = given(radius.latitude) && given(radius.longitude);
  if (given(radius.comuneCode) && hasPoint) return OfferErrorCode.RADIUS_TWO_CENTRES;
  if (!given(radius.comuneCode) && !hasPoint) return OfferErrorCode.RADIUS_NO_CENTRE;
  if (hasPoint && !wholePoint) return OfferErrorCode.RADIUS_POINT_INCOMPLETE;
  return undefined;
}

/**
 * A circle around a point must be centred in Italy: within MAX_KM_FROM_NEAREST_COMUNE of a comune's
 * coordinates (offer-coverage.centre.ts says why that distance). The comuni are read only when a
 * radius has a point, once for all of them.
 */
async function checkCentresInItaly(ctx: RequestContext, territory: CoverageTerritory, radii: readonly CoverageRadius[], field: string): Promise<void> {
  const points = radii.flatMap((radius, i) => (given(radius.latitude) && given(radius.longitude) ? [{ i, latitude: radius.latitude, longitude: radius.longitude }] : []));
  if (points.length === 0) return;
  const comuni = await territory.allComuni(ctx);
  for (const point of points) {
    const outside = centreOutsideItaly(point, comuni);
    if (outside) {
      throw new OfferException(OfferErrorCode.RADIUS_CENTRE_OUTSIDE_ITALY, fieldPath(field, 'radii', point.i, 'latitude'), `${Math.round(outside.km)}|${MAX_KM_FROM_NEAREST_COMUNE}|${outside.comune.name}`);
    }
  }
}

/**
 * Checks a coverage input against the territory tables and turns it into rows. Every failure
 * names its field (`input.coverage.provinceCodes.1`); nothing is written before this passes.
 */
export async function resolveCoverage(
  ctx: RequestContext,
  territory: CoverageTerritory,
  input: OfferCoverageChoice,
  field = 'input.coverage',
): Promise<ResolvedCoverage> {
  const { national, regionCodes, provinceCodes, comuneCodes, radii } = input;
  if (!national && regionCodes.length + provinceCodes.length + comuneCodes.length + radii.length === 0) {
    throw new OfferException(OfferErrorCode.COVERAGE_EMPTY, field);
  }
  radii.forEach((radius, i) => {
    const problem = radiusCentreProblem(radius);
    if (problem) throw new OfferException(problem, fieldPath(field, 'radii', i));
  });
  await checkCentresInItaly(ctx, territory, radii, field);
  for (const [i, code] of regionCodes.entries()) await territory.getRegion(ctx, code, fieldPath(field, 'regionCodes', i));
  for (const [i, code] of provinceCodes.entries()) await territory.getProvince(ctx, code, fieldPath(field, 'provinceCodes', i));

  // Comuni are not cached: every code of the input in one query.
  const named = [
    ...comuneCodes.map((code, i) => ({ code, path: fieldPath(field, 'comuneCodes', i) })),
    ...radii.flatMap((radius, i) => (radius.comuneCode ? [{ code: radius.comuneCode, path: fieldPath(field, 'radii', i, 'comuneCode') }] : [])),
  ];
  const found = await territory.findComuniByCodes(named.map((n) => n.code));
  const missing = named.find((_n, i) => !found[i]);
  if (missing) throw new TerritoryException(TerritoryErrorCode.COMUNE_NOT_FOUND, missing.path, missing.code);
  const comuni = new Map(found.flatMap((comune) => (comune ? [[comune.code, comune] as const] : [])));

  const rows: CoverageRow[] = [
    ...regionCodes.map((regionCode) => ({ ...EMPTY_ROW, kind: CoverageKind.REGION, regionCode })),
    ...provinceCodes.map((provinceCode) => ({ ...EMPTY_ROW, kind: CoverageKind.PROVINCE, provinceCode })),
    ...comuneCodes.map((comuneCode) => ({ ...EMPTY_ROW, kind: CoverageKind.COMUNE, comuneCode })),
    ...radii.map((radius) => {
      const comune = radius.comuneCode ? comuni.get(radius.comuneCode) : undefined;
      return {
        ...EMPTY_ROW,
        kind: CoverageKind.RADIUS,
        comuneCode: comune?.code ?? null,
        centerLatitude: comune?.latitude ?? radius.latitude ?? null,
        centerLongitude: comune?.longitude ?? radius.longitude ?? null,
        radiusKm: radius.km,
      };
    }),
  ];
  return { national, rows };
}

/** A compact, stable description of a coverage for the audit log. */
export const coverageAuditView = (national: boolean, rows: readonly CoverageRow[]): object => ({
  national,
  regionCodes: rows.filter((r) => r.kind === CoverageKind.REGION).map((r) => r.regionCode),
  provinceCodes: rows.filter((r) => r.kind === CoverageKind.PROVINCE).map((r) => r.provinceCode),
  comuneCodes: rows.filter((r) => r.kind === CoverageKind.COMUNE).map((r) => r.comuneCode),
  radii: rows
    .filter((r) => r.kind === CoverageKind.RADIUS)
    .map((r) => ({ comuneCode: r.comuneCode, latitude: r.centerLatitude, longitude: r.centerLongitude, km: r.radiusKm })),
});
