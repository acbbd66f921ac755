import type { CoverageRadius } from '../../offer.commands';
import type { OfferEntity } from '../../offer.entity';
import type { CoverageRow } from '../../offer-coverage.input';
import type { OfferSectors } from '../../offer-sectors';
import { CoverageKind, OfferStatus } from '../../offer.types';

/** What a checked row says the offer should be. */
export interface WantedOffer extends OfferSectors {
  title: string;
  description: string;
  categories: readonly string[];
  coverage: { national: boolean; rows: readonly CoverageRow[] };
  capacity: number;
  freePeriodMonths: number;
  conditions: string;
  validFrom: Date;
  validUntil?: Date;
  publish: boolean;
}

export type OfferImportPlan =
  | { kind: 'create'; publish: boolean }
  | { kind: 'unchanged'; offer: OfferEntity }
  /** `fields`: some content differs; `publish`: a draft to publish. */
  | { kind: 'update'; offer: OfferEntity; fields: boolean; publish: boolean };

/**
 * The coverage a row can say: regions, provinces and comuni. The file has no column for radii, so
 * an offer's radii are neither compared nor changed by an import (keptRadii).
 */
const coverageKey = (rows: readonly CoverageRow[]): string =>
  rows
    .filter((row) => row.kind !== CoverageKind.RADIUS)
    .map((row) => [row.kind, row.regionCode, row.provinceCode, row.comuneCode, row.centerLatitude, row.centerLongitude, row.radiusKm].join('|'))
    .sort()
    .join(';');

const sorted = (values: readonly string[]): string => [...values].sort().join('|');

/**
 * Whether a row creates its offer, leaves it as it is, or changes it. Publication only goes
 * forward: "pubblica = sì" publishes a draft; "no" never takes an offer off the catalogue (pausing
 * and closing stay deliberate acts in the app).
 */
export function offerChanges(existing: OfferEntity | undefined, wanted: WantedOffer, _now: Date): OfferImportPlan {
  if (!existing) return { kind: 'create', publish: wanted.publish };
  const fields =
    existing.title !== wanted.title ||
    existing.description !== wanted.description ||
    sorted(existing.categories) !== sorted(wanted.categories) ||
    existing.coverageNational !== wanted.coverage.national ||
    coverageKey(existing.coverage ?? []) !== coverageKey(wanted.coverage.rows) ||
    existing.allSectors !== wanted.allSectors ||
    sorted(existing.eligibleSections) !== sorted(wanted.eligibleSections) ||
    sorted(existing.eligibleDivisions) !== sorted(wanted.eligibleDivisions) ||
    existing.capacity !== wanted.capacity ||
    existing.freePeriodMonths !== wanted.freePeriodMonths ||
    existing.conditions !== wanted.conditions ||
    existing.validFrom.getTime() !== wanted.validFrom.getTime() ||
    (existing.validUntil?.getTime() ?? null) !== (wanted.validUntil?.getTime() ?? null);
  const publish = wanted.publish && existing.status === OfferStatus.DRAFT;
  return fields || publish ? { kind: 'update', offer: existing, fields, publish } : { kind: 'unchanged', offer: existing };
}

/** The radii of an offer an import leaves as they are (none once the row makes the offer national). */
export function keptRadii(existing: OfferEntity, national: boolean): CoverageRadius[] {
  if (national) return [];
  return (existing.coverage ?? [])
    .filter((row) => row.kind === CoverageKind.RADIUS && row.radiusKm !== null)
    .map((row) => (row.comuneCode ? { comuneCode: row.comuneCode, km: Number(row.radiusKm) } : { latitude: Number(row.centerLatitude), longitude: Number(row.centerLongitude), km: Number(row.radiusKm) }));
}
