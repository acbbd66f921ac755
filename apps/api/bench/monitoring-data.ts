import { DataSource } from 'typeorm';

/** How big the national benchmark programme is. */
export interface MonitoringScale {
  shops: number;
  providers: number;
  offers: number;
  requests: number;
  matches: number;
  /** Bundles among the requests: every other one of two services, the rest of three. */
  bundles: number;
  facilitators: number;
  /** Shops onboarded by a facilitator. */
  delegations: number;
  calls: number;
  /** Applications to the calls, at most one per shop and call. */
  applications: number;
}

export const NATIONAL_SCALE: MonitoringScale = {
  shops: 500_000,
  providers: 1_000,
  offers: 5_000,
  requests: 300_000,
  matches: 200_000,
  bundles: 40_000,
  facilitators: 300,
  delegations: 60_000,
  calls: 200,
  applications: 100_000,
};

/** Requests that are the second or third part of a bundle (the first part is one of the others). */
const extraParts = (scale: MonitoringScale): number => scale.bundles + Math.floor(scale.bundles / 2);

/**
 * Fills an empty, migrated database with a synthetic national programme, entirely in SQL
 * (generate_series, a fixed random seed): shops placed in comuni in proportion to population,
 * offers of every coverage kind, requests over the last 90 days (some asked together as bundles),
 * matches in every state with consistent timestamps, completion surveys, facilitators with the
 * shops they onboarded, and selection calls with their applicants. Logs the seconds each step took.
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
      FROM (SELECT id FROM shop ORDER BY partita_iva LIMIT $1) s`, [scale.requests - extraParts(scale)]);
  // A bundle's first part is one of those requests; its other parts ask the next services in the platform's order.
  await step(`${scale.bundles} bundles`, `CREATE TEMP TABLE bench_bundle AS
      SELECT gen_random_uuid() AS id, r.id AS request_id, r.shop_id, r.created_at, r.n,
             ARRAY[r.category, e.all_c[1 + r.pos % e.k]] || CASE WHEN r.n % 2 = 0 THEN ARRAY[e.all_c[1 + (r.pos + 1) % e.k]] ELSE '{}' END AS categories
      FROM (SELECT id, shop_id, category, created_at, array_position(enum_range(NULL::service_category), category) AS pos, row_number() OVER (ORDER BY id) AS n
            FROM help_request ORDER BY id LIMIT $1) r
      CROSS JOIN (SELECT enum_range(NULL::service_category) AS all_c, cardinality(enum_range(NULL::service_category)) AS k) e`, [scale.bundles]);
  await step('their parts', `INSERT INTO help_request_bundle (id, shop_id, categories, created_at) SELECT id, shop_id, categories, created_at FROM bench_bundle;
    UPDATE help_request r SET bundle_id = b.id FROM bench_bundle b WHERE r.id = b.request_id;
    INSERT INTO help_request (shop_id, category, description, status, created_at, bundle_id)
      SELECT b.shop_id, c.category, 'Ci serve aiuto.', 'OPEN', b.created_at, b.id FROM bench_bundle b CROSS JOIN LATERAL unnest(b.categories[2:]) c(category)`);
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
  await step('withdrawn bundles', `UPDATE help_request r SET status = 'CANCELLED', cancelled_at = r.created_at + interval '3 days'
      FROM bench_bundle b WHERE r.bundle_id = b.id AND b.n % 20 = 0 AND r.status = 'OPEN'`);
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
  await step(`${scale.facilitators} facilitators`, `WITH owners AS (
        INSERT INTO user_account (email, password_hash, role) SELECT 'facilitatore-' || i || '@bench.example', 'x', 'FACILITATOR' FROM generate_series(1, $1) i RETURNING id)
      INSERT INTO facilitator (owner_user_id, name, kind, tax_code, contact_email, national, region_codes, verification_status)
      SELECT id, 'Organizzazione ' || n, (enum_range(NULL::facilitator_kind))[1 + n % 5], lpad((80000000000 + n)::text, 11, '0'), 'info@bench.example',
             n % 10 = 0, CASE WHEN n % 10 = 0 THEN '{}' ELSE ARRAY[lpad((1 + n % 20)::text, 2, '0')] END,
             (CASE WHEN n % 12 = 0 THEN 'PENDING' ELSE 'APPROVED' END)::verification_status
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM owners) o`, [scale.facilitators]);
  await step(`${scale.delegations} delegations`, `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, created_at, activated_at, ended_at)
      SELECT f.id, s.id, (CASE WHEN s.roll < 0.85 THEN 'ACTIVE' ELSE 'REVOKED' END)::delegation_status,
             (CASE WHEN s.roll < 0.3 THEN 'PAPER' ELSE 'SHOP' END)::delegation_consent, CASE WHEN s.roll < 0.3 THEN (now() - interval '200 days')::date END,
             now() - s.age - interval '1 day', now() - s.age, CASE WHEN s.roll >= 0.85 THEN now() - s.age / 2 END
      FROM (SELECT id, random() AS roll, random() * interval '200 days' AS age, row_number() OVER (ORDER BY random()) AS n FROM shop LIMIT $1) s
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM facilitator) f ON f.n = s.n % $2`, [scale.delegations, scale.facilitators]);
  // A tenth of the shops registered on paper are not claimed yet: no owner.
  await step('unclaimed paper shops', `UPDATE shop SET owner_user_id = NULL
      WHERE id IN (SELECT shop_id FROM delegation WHERE consent = 'PAPER' ORDER BY shop_id LIMIT (SELECT count(*) / 10 FROM delegation WHERE consent = 'PAPER'))`);
  // A third of the calls still open; the closed ones admitted their first applicants (each with a match of its own shop), the rest in reserve or excluded.
  await step(`${scale.calls} selection calls`, `INSERT INTO selection_call (title, description, status, places, opens_at, closes_at, eligibility, declarations, questions, scoring, tie_break,
        created_by_user_id, publisher_facilitator_id, published_at, closed_at)
      SELECT 'Bando ' || i, 'Selezione pubblica.', (CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'CLOSED' END)::selection_call_status, 50 + (random() * 450)::int,
             now() - (i % 90 + 30) * interval '1 day', CASE WHEN i % 3 = 0 THEN now() + interval '20 days' ELSE now() - (i % 90) * interval '1 day' END,
             '{}', '[]', '[]', '[]', '{}', f.owner_user_id, CASE WHEN i % 2 = 0 THEN f.id END, now() - (i % 90 + 30) * interval '1 day',
             CASE WHEN i % 3 <> 0 THEN now() - (i % 90) * interval '1 day' END
      FROM generate_series(1, $1) i CROSS JOIN LATERAL (SELECT id, owner_user_id FROM facilitator ORDER BY tax_code OFFSET i % $2 LIMIT 1) f`, [scale.calls, scale.facilitators]);
  await step('their offers', `INSERT INTO selection_call_offer (call_id, offer_id, position)
      SELECT c.id, o.id, 1 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM selection_call) c
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM offer) o ON o.n = c.n`);
  await step(`${scale.applications} call applications`, `INSERT INTO call_application (call_id, shop_id, status, submitted_at, declarations, answers, ateco_section, ateco_division,
        employees, comune_code, province_code, region_code, position, match_id, admitted_at, exclusion_reason)
      SELECT c.id, a.shop_id, st.status::call_application_status, c.opens_at + interval '1 day', '{}', '{}', s.ateco_section, s.ateco_division, s.employees,
             s.comune_code, cc.province_code, cc.region_code, a.rank,
             CASE WHEN st.status = 'ADMITTED' THEN a.match_id END, CASE WHEN st.status = 'ADMITTED' THEN c.closed_at END,
             CASE WHEN st.status = 'EXCLUDED' THEN 'Dichiarazione non veritiera.' END
      FROM (SELECT shop_id, match_id, n % $2 AS call_n, row_number() OVER (PARTITION BY n % $2 ORDER BY n) AS rank
            FROM (SELECT DISTINCT ON (shop_id) shop_id, id AS match_id, row_number() OVER (ORDER BY random()) AS n FROM match ORDER BY shop_id, id) m
            ORDER BY n LIMIT $1) a
      JOIN (SELECT id, status, places, opens_at, closed_at, row_number() OVER (ORDER BY id) - 1 AS n FROM selection_call) c ON c.n = a.call_n
      JOIN shop s ON s.id = a.shop_id JOIN comune cc ON cc.code = s.comune_code
      CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'OPEN' THEN 'SUBMITTED' WHEN a.rank <= c.places THEN 'ADMITTED'
                                      WHEN a.rank % 10 = 0 THEN 'EXCLUDED' ELSE 'RESERVE' END AS status) st`, [scale.applications, scale.calls]);
  // Autovacuum's steady state: statistics and visibility maps up to date.
  await step('VACUUM ANALYZE', `VACUUM ANALYZE`);
}
