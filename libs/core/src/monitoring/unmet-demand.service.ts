import { Injectable } from '@nestjs/common';
import { ServiceCategory } from '@vec/matching';
import { Page, PageArgs, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { TerritoryService } from '../territory/territory.service';
import { MonitoringFilterInput } from './dto/monitoring.inputs';
import { MonitoringScope, requestConditions, SqlParams, andClause } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';

export interface UnmetDemandRow {
  provinceCode: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
  category: ServiceCategory;
  /** Open requests that no valid offer covers at all (place, category, sector). */
  coverageGap: number;
  /** Open requests whose covering offers are all full. */
  capacityGap: number;
  /** When the longest-waiting of those requests was made. */
  oldestWaitingSince: Date;
}

/** Mean Earth radius, as in @vec/territory's distanceKm and the coverage queries. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * The SQL that judges every open request against the offers that are valid now, with the same
 * rules as the engine (category, coverage, sector; validity and approval) but set-based: open
 * requests are reduced to distinct (place, category, sector) and joined with the offers each
 * coverage kind reaches through equality joins, so that no request is looked at one by one.
 * `any_room` is true when a fitting offer has a free place, false when all are full, null when
 * none fits.
 */
export function judgedOpenRequestsSql(scope: MonitoringScope, p: SqlParams, now: Date): string {
  const at = p.add(now);
  return `
    open_req AS (
      SELECT r.id, r.category, r.created_at, s.ateco_section AS section, s.ateco_division AS division,
             s.latitude, s.longitude, c.code AS comune, c.province_code, c.region_code
      FROM help_request r JOIN shop s ON s.id = r.shop_id JOIN comune c ON c.code = s.comune_code
      WHERE r.status = 'OPEN' ${andClause(requestConditions(scope, p))}),
    places AS (
      SELECT row_number() OVER () AS pid, * FROM (
        SELECT DISTINCT category, section, division, latitude, longitude, comune, province_code, region_code FROM open_req) d),
    points AS (SELECT DISTINCT latitude, longitude FROM places),
    valid AS (
      SELECT o.id, unnest(o.categories) AS category, o.all_sectors, o.eligible_sections, o.eligible_divisions, o.coverage_national,
             o.used < o.capacity AS room
      FROM offer o JOIN provider pr ON pr.id = o.provider_id
      WHERE o.status = 'PUBLISHED' AND pr.verification_status = 'APPROVED' AND o.valid_from <= ${at} AND (o.valid_until IS NULL OR o.valid_until >= ${at})),
    radius_reach AS (
      SELECT pt.latitude, pt.longitude, k.offer_id FROM offer_coverage k JOIN points pt
        ON k.kind = 'RADIUS' AND pt.latitude BETWEEN k.center_latitude - k.radius_km / ${KM_PER_DEGREE} AND k.center_latitude + k.radius_km / ${KM_PER_DEGREE}
      WHERE 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(k.center_latitude - pt.latitude) / 2), 2)
              + cos(radians(pt.latitude)) * cos(radians(k.center_latitude)) * power(sin(radians(k.center_longitude - pt.longitude) / 2), 2)))) <= k.radius_km),
    reach AS (
      SELECT pl.pid, k.offer_id FROM places pl JOIN offer_coverage k ON k.region_code = pl.region_code
      UNION ALL SELECT pl.pid, k.offer_id FROM places pl JOIN offer_coverage k ON k.province_code = pl.province_code
      UNION ALL SELECT pl.pid, k.offer_id FROM places pl JOIN offer_coverage k ON k.comune_code = pl.comune AND k.kind = 'COMUNE'
      UNION ALL SELECT pl.pid, rr.offer_id FROM places pl JOIN radius_reach rr ON rr.latitude = pl.latitude AND rr.longitude = pl.longitude
      UNION ALL SELECT pl.pid, v.id FROM places pl JOIN valid v ON v.coverage_national AND v.category = pl.category),
    judged AS (
      SELECT pl.pid, bool_or(v.room) AS any_room
      FROM places pl JOIN reach ON reach.pid = pl.pid JOIN valid v ON v.id = reach.offer_id AND v.category = pl.category
      WHERE v.all_sectors OR pl.section = ANY(v.eligible_sections) OR pl.division = ANY(v.eligible_divisions)
      GROUP BY pl.pid),
    open_judged AS (
      SELECT q.*, j.any_room FROM open_req q
      JOIN places pl ON (pl.category, pl.section, pl.division, pl.latitude, pl.longitude, pl.comune) = (q.category, q.section, q.division, q.latitude, q.longitude, q.comune)
      LEFT JOIN judged j ON j.pid = pl.pid)`;
}

/** Where shops asked and nobody offers (coverage gap), or everyone who offers is full (capacity gap). */
@Injectable()
export class UnmetDemandService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
    private readonly territory: TerritoryService,
  ) {}

  /** Province × category rows with unmet demand, most unmet first. */
  async list(ctx: RequestContext, filter: MonitoringFilterInput, page: PageArgs): Promise<Page<UnmetDemandRow>> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    type Row = { province_code: string; region_code: string; category: ServiceCategory; coverage_gap: number; capacity_gap: number; oldest: string };
    const [{ total, items }]: { total: number; items: Row[] | null }[] = await this.connection.dataSource.query(
      `WITH ${judgedOpenRequestsSql(scope, p, ctx.now)},
       gaps AS (
         SELECT province_code, region_code, category,
                count(*) FILTER (WHERE any_room IS NULL)::int AS coverage_gap,
                count(*) FILTER (WHERE any_room = false)::int AS capacity_gap,
                min(created_at) FILTER (WHERE any_room IS NOT TRUE) AS oldest
         FROM open_judged GROUP BY 1, 2, 3 HAVING count(*) FILTER (WHERE any_room IS NOT TRUE) > 0)
       SELECT (SELECT count(*)::int FROM gaps) AS total,
              (SELECT json_agg(g) FROM (SELECT * FROM gaps ORDER BY coverage_gap + capacity_gap DESC, oldest, province_code, category
                                        LIMIT ${p.add(page.first)} OFFSET ${p.add(page.offset)}) g) AS items`,
      p.values,
    );
    const rows = items ?? [];
    const [regions, provinces] = await Promise.all([this.territory.listRegions(ctx), this.territory.listProvinces(ctx)]);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    return toPage(
      rows.map((r) => ({
        provinceCode: r.province_code,
        provinceName: provinceName.get(r.province_code) ?? r.province_code,
        regionCode: r.region_code,
        regionName: regionName.get(r.region_code) ?? r.region_code,
        category: r.category,
        coverageGap: r.coverage_gap,
        capacityGap: r.capacity_gap,
        oldestWaitingSince: new Date(r.oldest),
      })),
      total,
      page,
    );
  }
}
