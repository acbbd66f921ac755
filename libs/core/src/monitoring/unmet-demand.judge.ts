import { EntityManager } from 'typeorm';
import { OPEN_REQUESTS_REFUSED_PAIRS } from '../match/refused-offers';
import { andClause, MonitoringScope, requestConditions, SqlParams } from './monitoring-scope';

/** Mean Earth radius, as in @vec/territory's distanceKm and the coverage queries. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** Grid cell for matching circles with points, in degrees (about 55 × 40 km in Italy). */
const CELL_DEG = 0.5;

/**
 * Judges every open request in scope against the offers valid now, with the engine's rules
 * (category, coverage, sector; validity and approval), set-based, in staged temporary tables so
 * that the planner sees their real sizes: open requests are reduced to distinct places (category,
 * sector, point, comune); offers are expanded to the comuni their areas contain; places then meet
 * only the offers of their own comune and category (plus radius and national ones). Leaves
 * `unmet_place(pid, …, province_code, region_code, n, oldest)` with `unmet_verdict(pid, any_room)`:
 * any_room is true when a fitting offer has a free place, false when all are full, null when the
 * only fitting offers are ones the request refused; no verdict row when none fits. With
 * `keepRequestIds`, each place also lists its requests (`request_ids`).
 *
 * As in an allocation run, an offer a request refused (declined by the provider, or given up by
 * the shop) is not proposed to it again: such a request is a place of its own, with `refused`
 * listing those offers, judged offer by offer; every other place has `refused` null. Its refused
 * offers still give it a verdict row, so that "covered, but only by offers it refused" is told
 * apart from "nobody offers this here".
 */
export async function judgeOpenRequests(db: EntityManager, scope: MonitoringScope, now: Date, keepRequestIds = false): Promise<void> {
  const run = (sql: string, values: unknown[] = []): Promise<unknown> => db.query(sql, values);
  const p = new SqlParams();
  await run(`CREATE TEMP TABLE unmet_refused ON COMMIT DROP AS
       SELECT help_request_id, array_agg(offer_id) AS offers FROM (${OPEN_REQUESTS_REFUSED_PAIRS}) x GROUP BY 1`);
  // Open requests fold into distinct places at once, each with its count and oldest request; a
  // request that refused offers stays a place of its own.
  const conditions = andClause(requestConditions(scope, p));
  const place = `r.category, s.ateco_section AS section, s.ateco_division AS division, s.latitude, s.longitude, s.comune_code AS comune, r.province_code, r.region_code`;
  await run(
    `CREATE TEMP TABLE unmet_place ON COMMIT DROP AS
       SELECT row_number() OVER () AS pid, * FROM (
         SELECT ${place}, count(*)::int AS n, min(r.created_at) AS oldest${keepRequestIds ? ', array_agg(r.id) AS request_ids' : ''}, NULL::uuid[] AS refused
         FROM help_request r JOIN shop s ON s.id = r.shop_id
         WHERE r.status = 'OPEN' ${conditions} AND NOT EXISTS (SELECT 1 FROM unmet_refused x WHERE x.help_request_id = r.id)
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         UNION ALL
         SELECT ${place}, 1, r.created_at${keepRequestIds ? ', ARRAY[r.id]' : ''}, x.offers
         FROM help_request r JOIN shop s ON s.id = r.shop_id JOIN unmet_refused x ON x.help_request_id = r.id
         WHERE r.status = 'OPEN' ${conditions}) d`,
    p.values,
  );
  await run(
    `CREATE TEMP TABLE unmet_valid ON COMMIT DROP AS
       SELECT o.id, unnest(o.categories) AS category, o.all_sectors, o.eligible_sections, o.eligible_divisions, o.coverage_national, o.used < o.capacity AS room
       FROM offer o JOIN provider pr ON pr.id = o.provider_id
       WHERE o.status = 'PUBLISHED' AND pr.verification_status = 'APPROVED' AND o.valid_from <= $1 AND (o.valid_until IS NULL OR o.valid_until >= $1)`,
    [now],
  );
  // Every (comune, category, offer) an area reaches: region, province and comune rows.
  await run(`CREATE TEMP TABLE unmet_area ON COMMIT DROP AS
       SELECT DISTINCT a.comune, v.category, v.id, v.all_sectors, v.eligible_sections, v.eligible_divisions, v.room FROM (
         SELECT cm.code AS comune, k.offer_id FROM offer_coverage k JOIN comune cm ON cm.region_code = k.region_code WHERE k.kind = 'REGION'
         UNION ALL SELECT cm.code, k.offer_id FROM offer_coverage k JOIN comune cm ON cm.province_code = k.province_code WHERE k.kind = 'PROVINCE'
         UNION ALL SELECT k.comune_code, k.offer_id FROM offer_coverage k WHERE k.kind = 'COMUNE') a
       JOIN unmet_valid v ON v.id = a.offer_id`);
  // Circles meet points through a grid of half-degree cells (equality joins), then the exact distance.
  await run(`CREATE TEMP TABLE unmet_radius ON COMMIT DROP AS
       WITH circle AS (
         SELECT k.offer_id, k.center_latitude AS lat, k.center_longitude AS lon, k.radius_km AS km,
                k.radius_km / ${KM_PER_DEGREE} AS dlat,
                k.radius_km / (${KM_PER_DEGREE} * cos(radians(least(89, abs(k.center_latitude) + k.radius_km / ${KM_PER_DEGREE})))) AS dlon
         FROM offer_coverage k WHERE k.kind = 'RADIUS'),
       cell AS (
         SELECT c.*, la, lo FROM circle c
         CROSS JOIN LATERAL generate_series(floor((c.lat - c.dlat) / ${CELL_DEG})::int, floor((c.lat + c.dlat) / ${CELL_DEG})::int) la
         CROSS JOIN LATERAL generate_series(floor((c.lon - c.dlon) / ${CELL_DEG})::int, floor((c.lon + c.dlon) / ${CELL_DEG})::int) lo),
       point AS (
         SELECT DISTINCT latitude, longitude, floor(latitude / ${CELL_DEG})::int AS la, floor(longitude / ${CELL_DEG})::int AS lo FROM unmet_place)
       SELECT pt.latitude, pt.longitude, c.offer_id FROM cell c JOIN point pt ON pt.la = c.la AND pt.lo = c.lo
       WHERE 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(c.lat - pt.latitude) / 2), 2)
               + cos(radians(pt.latitude)) * cos(radians(c.lat)) * power(sin(radians(c.lon - pt.longitude) / 2), 2)))) <= c.km`);
  // Most offers take every sector: per comune, point or nation and category one flag settles those
  // at once, and only sector-restricted offers are matched place by place.
  await run(`CREATE TEMP TABLE unmet_area_open ON COMMIT DROP AS
       SELECT comune, category, bool_or(room) AS room FROM unmet_area WHERE all_sectors GROUP BY 1, 2`);
  await run(`CREATE TEMP TABLE unmet_radius_open ON COMMIT DROP AS
       SELECT rr.latitude, rr.longitude, v.category, bool_or(v.room) AS room
       FROM unmet_radius rr JOIN unmet_valid v ON v.id = rr.offer_id WHERE v.all_sectors GROUP BY 1, 2, 3`);
  await run(`CREATE TEMP TABLE unmet_national_open ON COMMIT DROP AS
       SELECT category, bool_or(room) AS room FROM unmet_valid WHERE coverage_national AND all_sectors GROUP BY 1`);
  await run('ANALYZE unmet_place, unmet_valid, unmet_area, unmet_radius, unmet_area_open, unmet_radius_open, unmet_national_open');
  const restricted = (alias: string): string => `pl.section = ANY(${alias}.eligible_sections) OR pl.division = ANY(${alias}.eligible_divisions)`;
  // Folded places meet the per-comune, per-point and national flags; a place with refused offers
  // meets each offer but those.
  const fitsOffer = (alias: string): string => `${alias}.all_sectors OR ${restricted(alias)}`;
  const refusedOne = (offer: string): string => `${offer} = ANY(pl.refused)`;
  await run(`CREATE TEMP TABLE unmet_verdict ON COMMIT DROP AS
       SELECT pid, bool_or(room) FILTER (WHERE NOT refused) AS any_room FROM (
         SELECT pl.pid, true AS fits, a.room, false AS refused FROM unmet_place pl JOIN unmet_area_open a ON a.comune = pl.comune AND a.category = pl.category WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, ${restricted('a')}, a.room, false
         FROM unmet_place pl JOIN unmet_area a ON a.comune = pl.comune AND a.category = pl.category AND NOT a.all_sectors WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, true, ro.room, false
         FROM unmet_place pl JOIN unmet_radius_open ro ON ro.latitude = pl.latitude AND ro.longitude = pl.longitude AND ro.category = pl.category WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, ${restricted('v')}, v.room, false
         FROM unmet_place pl JOIN unmet_radius rr ON rr.latitude = pl.latitude AND rr.longitude = pl.longitude
         JOIN unmet_valid v ON v.id = rr.offer_id AND v.category = pl.category AND NOT v.all_sectors WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, true, n.room, false FROM unmet_place pl JOIN unmet_national_open n ON n.category = pl.category WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, ${restricted('v')}, v.room, false
         FROM unmet_place pl JOIN unmet_valid v ON v.coverage_national AND NOT v.all_sectors AND v.category = pl.category WHERE pl.refused IS NULL
         UNION ALL SELECT pl.pid, ${fitsOffer('a')}, a.room, ${refusedOne('a.id')}
         FROM unmet_place pl JOIN unmet_area a ON a.comune = pl.comune AND a.category = pl.category WHERE pl.refused IS NOT NULL
         UNION ALL SELECT pl.pid, ${fitsOffer('v')}, v.room, ${refusedOne('v.id')}
         FROM unmet_place pl JOIN unmet_radius rr ON rr.latitude = pl.latitude AND rr.longitude = pl.longitude
         JOIN unmet_valid v ON v.id = rr.offer_id AND v.category = pl.category WHERE pl.refused IS NOT NULL
         UNION ALL SELECT pl.pid, ${fitsOffer('v')}, v.room, ${refusedOne('v.id')}
         FROM unmet_place pl JOIN unmet_valid v ON v.coverage_national AND v.category = pl.category WHERE pl.refused IS NOT NULL) reach
       WHERE fits GROUP BY pid`);
}
