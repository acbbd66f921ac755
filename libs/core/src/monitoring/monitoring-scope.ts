import { ServiceCategory } from '@vec/matching';

/** Positional parameters for one raw query: `p.add(value)` returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A monitoring filter after its codes were checked against the territory. */
export interface MonitoringScope {
  regionCode?: string;
  provinceCode?: string;
  category?: ServiceCategory;
  atecoSection?: string;
  from?: Date;
  to?: Date;
}

/** `shop s`, joined with its comune `c` only when the place matters (the join costs at national scale). */
export const shopFrom = (scope: MonitoringScope): string =>
  scope.regionCode || scope.provinceCode ? 'shop s JOIN comune c ON c.code = s.comune_code' : 'shop s';

/** Conditions on a shop (`s`) and its comune (`c`): place and sector. */
export function shopConditions(scope: MonitoringScope, p: SqlParams): string[] {
  const where: string[] = [];
  if (scope.regionCode) where.push(`c.region_code = ${p.add(scope.regionCode)}`);
  if (scope.provinceCode) where.push(`c.province_code = ${p.add(scope.provinceCode)}`);
  if (scope.atecoSection) where.push(`s.ateco_section = ${p.add(scope.atecoSection)}`);
  return where;
}

/** The period on one timestamp column. */
export function periodConditions(column: string, scope: MonitoringScope, p: SqlParams): string[] {
  const where: string[] = [];
  if (scope.from) where.push(`${column} >= ${p.add(scope.from)}`);
  if (scope.to) where.push(`${column} < ${p.add(scope.to)}`);
  return where;
}

/**
 * Place and sector on a row that carries its shop's (`region_code`, `province_code`,
 * `ateco_section`: requests, matches, call applications), so narrowing needs no join.
 */
export function placeConditions(scope: MonitoringScope, p: SqlParams, alias: string): string[] {
  const where: string[] = [];
  if (scope.regionCode) where.push(`${alias}.region_code = ${p.add(scope.regionCode)}`);
  if (scope.provinceCode) where.push(`${alias}.province_code = ${p.add(scope.provinceCode)}`);
  if (scope.atecoSection) where.push(`${alias}.ateco_section = ${p.add(scope.atecoSection)}`);
  return where;
}

/**
 * Requests (`r`) or matches (`m`) in scope, through the place, sector and category they carry
 * themselves (triggers copy them from the shop), so counting needs no join; the period applies
 * to `periodColumn`.
 */
export function requestConditions(scope: MonitoringScope, p: SqlParams, periodColumn: string | null = 'r.created_at', alias = 'r'): string[] {
  const where = placeConditions(scope, p, alias);
  if (scope.category) where.push(`${alias}.category = ${p.add(scope.category)}`);
  return [...where, ...(periodColumn ? periodConditions(periodColumn, scope, p) : [])];
}

/** The same for matches (`m`). */
export const matchConditions = (scope: MonitoringScope, p: SqlParams, periodColumn: string | null): string[] => requestConditions(scope, p, periodColumn, 'm');

/**
 * Offers (`o`) in the category whose coverage reaches the place: national, or an area row in it
 * (a region for a province filter counts: the offer covers the province). Radius rows count in
 * every province they reach (`reach_province_codes`: the centre's, and those with a comune whose
 * centre lies in the circle).
 */
export function offerConditions(scope: MonitoringScope, p: SqlParams): string[] {
  const where: string[] = [];
  if (scope.category) where.push(`o.categories @> ARRAY[${p.add(scope.category)}]::service_category[]`);
  // Open to the sector: as a shop of it would find the offer (rule 3 of the matching).
  if (scope.atecoSection) where.push(`(o.all_sectors OR ${p.add(scope.atecoSection)} = ANY(o.eligible_sections))`);
  if (scope.provinceCode) {
    const province = p.add(scope.provinceCode);
    where.push(`(o.coverage_national OR EXISTS (
      SELECT 1 FROM offer_coverage k LEFT JOIN comune kc ON kc.code = k.comune_code
      WHERE k.offer_id = o.id AND (k.province_code = ${province} OR kc.province_code = ${province} OR ${province} = ANY(k.reach_province_codes)
        OR k.region_code = (SELECT region_code FROM province WHERE code = ${province}))))`);
  } else if (scope.regionCode) {
    const region = p.add(scope.regionCode);
    where.push(`(o.coverage_national OR EXISTS (
      SELECT 1 FROM offer_coverage k LEFT JOIN province kp ON kp.code = k.province_code LEFT JOIN comune kc ON kc.code = k.comune_code
      WHERE k.offer_id = o.id AND (k.region_code = ${region} OR kp.region_code = ${region} OR kc.region_code = ${region}
        OR EXISTS (SELECT 1 FROM province rp WHERE rp.code = ANY(k.reach_province_codes) AND rp.region_code = ${region}))))`);
  }
  return where;
}

/**
 * Providers in the place, category and sector: those with an offer (in any status) reaching them, as
 * the published-offer figures count reach. Without a place, category or sector, every provider.
 */
export function providerReachConditions(scope: MonitoringScope, p: SqlParams): string[] {
  const reach = offerConditions(scope, p);
  return reach.length ? [`EXISTS (SELECT 1 FROM offer o WHERE o.provider_id = pr.id AND ${reach.join(' AND ')})`] : [];
}

/**
 * A published offer still counts among the offers and places on offer: its validity has not ended
 * (the public catalogue's rule; one not started yet is already shown to shops, so it counts too).
 */
export const NOT_ENDED = `(o.valid_until IS NULL OR o.valid_until > now())`;

/** Offers count once their provider is approved: before that, or once suspended or rejected, no shop can see them. */
const APPROVED = `EXISTS (SELECT 1 FROM provider ap WHERE ap.id = o.provider_id AND ap.verification_status = 'APPROVED')`;

/**
 * The offers (`o`) the dashboard counts among the offers and places on offer, in every panel (the
 * headline figures, the tables, the capacity burn-down and their exports), so that they agree:
 * published offers of approved providers on offer in the period, that is published before its end
 * and their validity not ended before its start; without a period, those on offer now (validity
 * not ended). When an offer was paused, suspended or closed is not recorded, nor when its provider
 * was suspended: those are counted as they are today, so one closed since counts in no period.
 */
export function onOfferConditions(scope: MonitoringScope, p: SqlParams): string[] {
  const where = [`o.status = 'PUBLISHED'`, APPROVED];
  if (scope.to) where.push(`o.published_at < ${p.add(scope.to)}`);
  if (scope.from) where.push(`(o.valid_until IS NULL OR o.valid_until > ${p.add(scope.from)})`);
  else if (!scope.to) where.push(NOT_ENDED);
  return where;
}

export const whereClause = (conditions: readonly string[]): string => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
export const andClause = (conditions: readonly string[]): string => (conditions.length ? `AND ${conditions.join(' AND ')}` : '');

/**
 * Every (offer_id, province_code) an offer reaches: all provinces for a national offer, those of
 * a covered region, a covered province, the province of a covered comune, and those a radius reaches.
 */
export const OFFER_PROVINCES = `
  SELECT o.id AS offer_id, pv.code AS province_code FROM offer o CROSS JOIN province pv WHERE o.coverage_national
  UNION SELECT k.offer_id, pv.code FROM offer_coverage k JOIN province pv ON pv.region_code = k.region_code
  UNION SELECT k.offer_id, k.province_code FROM offer_coverage k WHERE k.province_code IS NOT NULL
  UNION SELECT k.offer_id, kc.province_code FROM offer_coverage k JOIN comune kc ON kc.code = k.comune_code
  UNION SELECT k.offer_id, unnest(k.reach_province_codes) FROM offer_coverage k WHERE k.kind = 'RADIUS'`;
