import { DataSource } from 'typeorm';

/** How big the national benchmark programme is. */
export interface MonitoringScale {
  shops: number;
  providers: number;
  offers: number;
  requests: number;
  matches: number;
}

export const NATIONAL_SCALE: MonitoringScale = { shops: 500_000, providers: 1_000, offers: 5_000, requests: 300_000, matches: 200_000 };

/**
 * Fills an empty, migrated database with a synthetic national programme, entirely in SQL
 * (generate_series, a fixed random seed): shops placed in comuni in proportion to population,
 * offers of every coverage kind, requests over the last 90 days, matches in every state with
 * consistent timestamps, and completion surveys. Logs the seconds each step took.
 */
export async function fillMonitoringData(db: DataSource, scale: MonitoringScale, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const started = performance.now();
    await db.query(sql, params);
    log(`  ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await step('seed', `SELECT setseed(0.2020)`);
  await step('comuni by population', `CREATE TEMP TABLE bench_comune AS
      SELECT code, latitude, longitude, sum(population) OVER (ORDER BY code) AS upto, sum(population) OVER () AS total FROM comune;
    CREATE INDEX ON bench_comune (upto)`);
  await step(`${scale.shops} shop accounts`, `INSERT INTO user_account (email, password_hash, role)
      SELECT 'negozio-' || i || '@bench.example', 'x', 'SHOP' FROM generate_series(1, $1) i`, [scale.shops]);
  // Places in proportion to population, as many as there are shops, numbered; shop n takes place n.
  await step(`${scale.shops} shops`, `INSERT INTO shop (owner_user_id, legal_name, partita_iva, ateco_section, ateco_division, comune_code, address,
        latitude, longitude, coordinates_from_comune, employees, contact_email, created_at)
      SELECT u.id, 'Negozio ' || u.n, lpad(u.n::text, 11, '0'), sec.section, sec.division, place.code, 'Via Roma 1', place.latitude, place.longitude, true,
             (random() * 10)::int, 'negozio@bench.example', now() - random() * interval '300 days'
      FROM (SELECT cc.code, cc.latitude, cc.longitude, row_number() OVER (ORDER BY random()) AS n
            FROM comune cc CROSS JOIN LATERAL generate_series(1, ceil(cc.population::numeric * $1 / (SELECT sum(population) FROM comune))::int) g) place
      JOIN (SELECT id, row_number() OVER (ORDER BY email) AS n FROM user_account WHERE role = 'SHOP') u ON u.n = place.n
      CROSS JOIN LATERAL (SELECT 1 + (random() * 9 + u.n * 0)::int AS k) pick
      CROSS JOIN LATERAL (SELECT (ARRAY['G','G','G','I','I','C','S','M','N','F'])[pick.k] AS section,
                                 (ARRAY['47','47','46','56','55','10','96','74','79','43'])[pick.k] AS division) sec`, [scale.shops]);
  await step(`${scale.providers} providers`, `WITH owners AS (
        INSERT INTO user_account (email, password_hash, role) SELECT 'fornitore-' || i || '@bench.example', 'x', 'PROVIDER' FROM generate_series(1, $1) i RETURNING id)
      INSERT INTO provider (owner_user_id, name, partita_iva, kind, description, verification_status)
      SELECT id, 'Fornitore ' || row_number() OVER (), lpad((90000000000 + row_number() OVER ())::text, 11, '0'), 'PLATFORM', 'Servizi gratuiti.',
             (CASE WHEN random() < 0.9 THEN 'APPROVED' ELSE 'PENDING' END)::verification_status FROM owners`, [scale.providers]);
  await step(`${scale.offers} offers`, `INSERT INTO offer (provider_id, title, description, categories, coverage_national, capacity, free_period_months, conditions,
        valid_from, valid_until, status, published_at, all_sectors, eligible_sections)
      SELECT p.id, 'Offerta ' || i, 'Servizio gratuito.', ARRAY[(enum_range(NULL::service_category))[1 + (random() * 10)::int]], random() < 0.02,
             1000, (ARRAY[3, 6, 6, 12])[1 + (random() * 3)::int], 'Gratuito, senza obbligo di rinnovo.', now() - interval '120 days',
             CASE WHEN random() < 0.8 THEN now() + random() * interval '300 days' END, 'PUBLISHED', now() - random() * interval '100 days',
             random() < 0.85, CASE WHEN random() < 0.15 THEN ARRAY['G', 'I'] ELSE '{}' END
      FROM generate_series(1, $1) i CROSS JOIN LATERAL (SELECT id FROM provider ORDER BY random() + i * 0 LIMIT 1) p`, [scale.offers]);
  await step('coverage rows', `INSERT INTO offer_coverage (offer_id, kind, region_code, province_code, comune_code, center_latitude, center_longitude, radius_km)
      SELECT o.id, k.kind::coverage_kind,
             CASE WHEN k.kind = 'REGION' THEN c.region_code END, CASE WHEN k.kind = 'PROVINCE' THEN c.province_code END,
             CASE WHEN k.kind IN ('COMUNE', 'RADIUS') THEN c.code END,
             CASE WHEN k.kind = 'RADIUS' THEN c.latitude END, CASE WHEN k.kind = 'RADIUS' THEN c.longitude END,
             CASE WHEN k.kind = 'RADIUS' THEN 10 + (random() * 50)::int END
      FROM offer o
      CROSS JOIN LATERAL (SELECT (ARRAY['REGION','PROVINCE','PROVINCE','PROVINCE','COMUNE','COMUNE','COMUNE','RADIUS','RADIUS','RADIUS'])[1 + (random() * 9 + o.capacity * 0)::int] AS kind) k
      CROSS JOIN LATERAL (SELECT random() * (SELECT max(total) FROM bench_comune) + o.capacity * 0 AS target) t
      CROSS JOIN LATERAL (SELECT cc.code, cc.province_code, cc.region_code, cc.latitude, cc.longitude FROM bench_comune b JOIN comune cc ON cc.code = b.code
                          WHERE b.upto >= t.target ORDER BY b.upto LIMIT 1) c
      WHERE NOT o.coverage_national`);
  await step(`${scale.requests} help requests`, `INSERT INTO help_request (shop_id, category, description, status, created_at)
      SELECT s.id, (enum_range(NULL::service_category))[1 + (random() * 10)::int], 'Ci serve aiuto.', 'OPEN', now() - random() * interval '90 days'
      FROM (SELECT id FROM shop ORDER BY partita_iva LIMIT $1) s`, [scale.requests]);
  await step(`${scale.matches} matches`, `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km,
        respond_by, waitlisted_at, accepted_at, activated_at, free_until, completed_at, ended_at, created_at)
      SELECT r.id, o.id, r.shop_id, o.provider_id, r.category, st.state::match_state, 'APPLICATION', 'PROVINCE', 0,
             r.created_at + interval '5 days', CASE WHEN st.state = 'WAITLISTED' THEN r.created_at END,
             CASE WHEN st.state IN ('ACCEPTED', 'ACTIVE', 'COMPLETED') THEN r.created_at + interval '2 days' END,
             CASE WHEN st.state IN ('ACTIVE', 'COMPLETED') THEN r.created_at + interval '4 days' END,
             CASE WHEN st.state IN ('ACTIVE', 'COMPLETED') THEN r.created_at + interval '184 days' END,
             CASE WHEN st.state = 'COMPLETED' THEN r.created_at + interval '30 days' END,
             CASE WHEN st.state IN ('DECLINED', 'EXPIRED') THEN r.created_at + interval '5 days' END,
             r.created_at + interval '1 hour'
      FROM (SELECT id, shop_id, category, created_at, random() AS roll, (random() * ($2 - 1))::int AS pick FROM help_request ORDER BY id LIMIT $1) r
      CROSS JOIN LATERAL (SELECT (CASE WHEN r.roll < 0.2 THEN 'PENDING' WHEN r.roll < 0.3 THEN 'ACCEPTED' WHEN r.roll < 0.65 THEN 'ACTIVE'
                                       WHEN r.roll < 0.85 THEN 'COMPLETED' WHEN r.roll < 0.9 THEN 'DECLINED' WHEN r.roll < 0.95 THEN 'EXPIRED' ELSE 'WAITLISTED' END) AS state) st
      JOIN (SELECT id, provider_id, row_number() OVER (ORDER BY id) - 1 AS n FROM offer) o ON o.n = r.pick`, [scale.matches, scale.offers]);
  await step('request statuses', `UPDATE help_request r SET status = (CASE WHEN m.state IN ('PENDING', 'ACCEPTED', 'ACTIVE') THEN 'MATCHED' ELSE 'FULFILLED' END)::help_request_status
      FROM match m WHERE m.help_request_id = r.id AND m.state IN ('PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED')`);
  await step('capacities to their real size', `UPDATE offer SET capacity = greatest(used, 1 + (random() * 60)::int)`);
  await step('completion surveys', `INSERT INTO outcome_survey (match_id, checkpoint, got_online_orders, approximate_orders, answered_at, answered_by_user_id)
      SELECT m.id, 'COMPLETION', o.yes, CASE WHEN o.yes THEN 1 + (random() * 50)::int ELSE 0 END, m.completed_at, s.owner_user_id
      FROM match m JOIN shop s ON s.id = m.shop_id CROSS JOIN LATERAL (SELECT random() + length(m.id::text) * 0 < 0.6 AS yes) o
      WHERE m.state = 'COMPLETED' AND random() < 0.7`);
  await step('30- and 90-day surveys', `INSERT INTO outcome_survey (match_id, checkpoint, got_online_orders, approximate_orders, answered_at, answered_by_user_id)
      SELECT m.id, c.checkpoint::outcome_checkpoint, o.yes, CASE WHEN o.yes THEN 1 + (random() * 80)::int ELSE 0 END, m.activated_at + c.days * interval '1 day', s.owner_user_id
      FROM match m JOIN shop s ON s.id = m.shop_id
      CROSS JOIN (VALUES ('DAY_30', 30), ('DAY_90', 90)) c(checkpoint, days)
      CROSS JOIN LATERAL (SELECT random() + length(m.id::text) * 0 < 0.5 AS yes) o
      WHERE m.state IN ('ACTIVE', 'COMPLETED') AND m.activated_at <= now() - c.days * interval '1 day' AND random() < 0.6`);
  // Autovacuum's steady state: statistics and visibility maps up to date.
  await step('VACUUM ANALYZE', `VACUUM ANALYZE`);
}
