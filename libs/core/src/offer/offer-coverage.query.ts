import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { ComuneEntity } from '../territory/comune.entity';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { OfferEntity } from './offer.entity';

/**
 * "Which offers cover this place?" as index lookups on offer_coverage, for the offer lists and,
 * later, for matching. Each kind of area is one branch of a UNION ALL that uses its own index:
 * region_code, province_code, comune_code, and for radii a latitude band on center_latitude
 * followed by the exact haversine distance. National offers are a flag on the offer itself.
 */

/** Mean Earth radius, as in @vec/territory's distanceKm, so SQL and TypeScript agree. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_OF_LATITUDE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** The largest radius an offer may have (the table's CHECK says the same). */
const MAX_RADIUS_KM = 500;
/** Every circle that can reach a point has its centre within this many degrees of latitude. */
const LATITUDE_BAND_DEGREES = MAX_RADIUS_KM / KM_PER_DEGREE_OF_LATITUDE + 0.001;

/** A place to test coverage for: a whole region, a whole province, or a comune (a point). */
export type CoverageArea =
  | { level: 'REGION'; regionCode: string }
  | { level: 'PROVINCE'; regionCode: string; provinceCode: string }
  | { level: 'COMUNE'; regionCode: string; provinceCode: string; comuneCode: string; latitude: number; longitude: number };

export const comuneArea = (comune: Pick<ComuneEntity, 'code' | 'provinceCode' | 'regionCode' | 'latitude' | 'longitude'>): CoverageArea => ({
  level: 'COMUNE',
  regionCode: comune.regionCode,
  provinceCode: comune.provinceCode,
  comuneCode: comune.code,
  latitude: comune.latitude,
  longitude: comune.longitude,
});

/** Great-circle distance in km from the row's centre to the point given as parameters. */
const haversineSql = (lat: string, lon: string): string =>
  `2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
     power(sin(radians(c.center_latitude - :${lat}) / 2), 2)
     + cos(radians(:${lat})) * cos(radians(c.center_latitude)) * power(sin(radians(c.center_longitude - :${lon}) / 2), 2))))`;

/**
 * SQL selecting `offer_id` for every coverage row containing the area (offers may repeat), with
 * its named parameters. `key` keeps parameter names apart when several areas are combined.
 */
export function coveringOfferIdsSql(area: CoverageArea, key = 'cover'): { sql: string; parameters: ObjectLiteral } {
  const p = (name: string): string => `${key}_${name}`;
  const branches = [`SELECT c.offer_id FROM offer_coverage c WHERE c.region_code = :${p('region')}`];
  const parameters: ObjectLiteral = { [p('region')]: area.regionCode };
  if (area.level !== 'REGION') {
    branches.push(`SELECT c.offer_id FROM offer_coverage c WHERE c.province_code = :${p('province')}`);
    parameters[p('province')] = area.provinceCode;
  }
  if (area.level === 'COMUNE') {
    branches.push(`SELECT c.offer_id FROM offer_coverage c WHERE c.comune_code = :${p('comune')} AND c.kind = 'COMUNE'`);
    branches.push(
      `SELECT c.offer_id FROM offer_coverage c
       WHERE c.center_latitude BETWEEN :${p('latMin')} AND :${p('latMax')}
         AND ${haversineSql(p('lat'), p('lon'))} <= c.radius_km`,
    );
    Object.assign(parameters, {
      [p('comune')]: area.comuneCode,
      [p('lat')]: area.latitude,
      [p('lon')]: area.longitude,
      [p('latMin')]: area.latitude - LATITUDE_BAND_DEGREES,
      [p('latMax')]: area.latitude + LATITUDE_BAND_DEGREES,
    });
  }
  return { sql: branches.join('\nUNION ALL\n'), parameters };
}

/** Keeps only the offers (aliased `alias` in `query`) whose coverage contains the area. */
export function whereOfferCovers<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  area: CoverageArea,
  key = 'cover',
): SelectQueryBuilder<T> {
  const { sql, parameters } = coveringOfferIdsSql(area, key);
  return query.andWhere(`(${alias}.coverage_national OR ${alias}.id IN (${sql}))`, parameters);
}

/** Keeps only the offers whose coverage does not contain the area: the complement of whereOfferCovers. */
export function whereOfferDoesNotCover<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  area: CoverageArea,
  key = 'outside',
): SelectQueryBuilder<T> {
  const { sql, parameters } = coveringOfferIdsSql(area, key);
  return query.andWhere(`NOT (${alias}.coverage_national OR ${alias}.id IN (${sql}))`, parameters);
}

/**
 * Loads the coverage rows of these offers, with their region, province and comune (the comune with
 * its own province and region), in one query, and sets each offer's `coverage`. Returns the same
 * offers.
 */
export async function loadCoverage(coverage: Repository<OfferCoverageEntity>, offers: OfferEntity[]): Promise<OfferEntity[]> {
  if (offers.length === 0) return offers;
  const rows = await coverage
    .createQueryBuilder('c')
    .leftJoinAndSelect('c.region', 'region')
    .leftJoinAndSelect('c.province', 'province')
    .leftJoinAndSelect('c.comune', 'comune')
    .leftJoinAndSelect('comune.province', 'comuneProvince')
    .leftJoinAndSelect('comune.region', 'comuneRegion')
    .where('c.offer_id IN (:...ids)', { ids: offers.map((offer) => offer.id) })
    .orderBy('c.kind')
    .addOrderBy('c.region_code')
    .addOrderBy('c.province_code')
    .addOrderBy('c.comune_code')
    .addOrderBy('c.radius_km')
    .addOrderBy('c.center_latitude')
    .getMany();
  const byOffer = new Map<string, OfferCoverageEntity[]>(offers.map((offer) => [offer.id, []]));
  for (const row of rows) byOffer.get(row.offerId)?.push(row);
  for (const offer of offers) offer.coverage = byOffer.get(offer.id) ?? [];
  return offers;
}
