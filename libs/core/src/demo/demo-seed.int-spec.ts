import { runPendingMigrations } from '@vec/database';
import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../auth/password-hasher';
import { createScratchDatabase, openTestDataSource } from '../testing/test-database';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

describe('demo seed', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = await openTestDataSource(scratch.url);
    await runPendingMigrations(db);
  });
  afterAll(async () => {
    await db.destroy();
    await scratch.drop();
  });

  const count = async (sql: string): Promise<number> => (await db.query(sql))[0].n;

  it('fills an empty database with shops, providers, offers and requests across Italy', async () => {
    const summary = await seedDemo(db);
    expect(summary).toMatchObject({ shops: 400, providers: 30, offers: 90 });
    // The 400 shops with accounts, and the one a facilitator registered on paper.
    expect(await count('SELECT COUNT(*)::int AS n FROM shop')).toBe(401);
    expect(await count('SELECT COUNT(DISTINCT c.province_code)::int AS n FROM shop s JOIN comune c ON c.code = s.comune_code')).toBeGreaterThan(50);
    expect(await count('SELECT COUNT(DISTINCT c.region_code)::int AS n FROM shop s JOIN comune c ON c.code = s.comune_code')).toBe(20);
    expect(await count('SELECT COUNT(DISTINCT ateco_division)::int AS n FROM shop')).toBeGreaterThanOrEqual(8);
    expect(await count('SELECT COUNT(*)::int AS n FROM help_request')).toBe(summary?.helpRequests);
    // A history that reads in order: shops registered before their requests, providers before staff decided and before their offers.
    expect(await count('SELECT COUNT(*)::int AS n FROM help_request r JOIN shop s ON s.id = r.shop_id WHERE r.created_at < s.created_at')).toBe(0);
    expect(await count('SELECT COUNT(*)::int AS n FROM provider WHERE verified_at IS NOT NULL AND verified_at < created_at')).toBe(0);
    expect(await count('SELECT COUNT(*)::int AS n FROM offer o JOIN provider p ON p.id = o.provider_id WHERE o.created_at < p.created_at OR o.published_at < o.created_at')).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM shop WHERE created_at > now() - interval '30 days' AND owner_user_id IS NOT NULL`)).toBe(0);
  });

  it('has shops that asked for services together, as bundles the dashboard can count', async () => {
    expect(await count('SELECT COUNT(*)::int AS n FROM help_request_bundle')).toBeGreaterThanOrEqual(50);
    // Each bundle's parts: its shop's, one per category it names, asked at the bundle's moment.
    const inconsistent = await count(`SELECT COUNT(*)::int AS n FROM help_request_bundle b
      WHERE (SELECT array_agg(r.category ORDER BY r.category) FROM help_request r WHERE r.bundle_id = b.id AND r.shop_id = b.shop_id AND r.created_at = b.created_at)
            IS DISTINCT FROM (SELECT array_agg(c ORDER BY c) FROM unnest(b.categories) c)`);
    expect(inconsistent).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM help_request_bundle b JOIN shop s ON s.id = b.shop_id JOIN user_account u ON u.id = s.owner_user_id WHERE u.email = 'negozio@vicini.demo'`)).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE action = 'help_request_bundle.created'`)).toBe(await count('SELECT COUNT(*)::int AS n FROM help_request_bundle'));
    // Some served in whole or in part by the history, some still waiting.
    expect(await count(`SELECT COUNT(DISTINCT r.bundle_id)::int AS n FROM help_request r JOIN match m ON m.help_request_id = r.id WHERE r.bundle_id IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('offers every category and every coverage kind, from providers in every verification state', async () => {
    const categories = (await db.query('SELECT DISTINCT unnest(categories)::text AS c FROM offer')).map((r: { c: string }) => r.c).sort();
    expect(categories).toEqual(Object.keys(SERVICE_CATEGORY_LABELS).sort());
    expect(categories).toHaveLength(Object.values(ServiceCategory).length);
    const kinds = (await db.query('SELECT DISTINCT kind::text AS k FROM offer_coverage ORDER BY 1')).map((r: { k: string }) => r.k);
    expect(kinds).toEqual(['COMUNE', 'PROVINCE', 'RADIUS', 'REGION']);
    expect(await count('SELECT COUNT(*)::int AS n FROM offer WHERE coverage_national')).toBeGreaterThan(0);
    const statuses = (await db.query('SELECT DISTINCT verification_status::text AS s FROM provider ORDER BY 1')).map((r: { s: string }) => r.s);
    expect(statuses).toEqual(['APPROVED', 'PENDING', 'REJECTED', 'SUSPENDED']);
  });

  it('tells six weeks of history decided by the engine: matches in every state, consistent counters', async () => {
    const states = (await db.query('SELECT DISTINCT state::text AS s FROM match ORDER BY 1')).map((r: { s: string }) => r.s);
    expect(states).toEqual(['ACCEPTED', 'ACTIVE', 'COMPLETED', 'DECLINED', 'EXPIRED', 'PENDING', 'WAITLISTED']);
    const drift = await count(`SELECT COUNT(*)::int AS n FROM offer o
      WHERE o.used <> (SELECT COUNT(*) FROM match m WHERE m.offer_id = o.id AND m.state IN ('PENDING','ACCEPTED','ACTIVE','COMPLETED'))`);
    expect(drift).toBe(0);
    const overbooked = await count('SELECT COUNT(*)::int AS n FROM offer WHERE used > capacity');
    expect(overbooked).toBe(0);
    // The story holds in time: no match before its offer was published and valid, its provider registered and decided, or its request made.
    const beforeItsTime = await count(`SELECT COUNT(*)::int AS n FROM match m JOIN offer o ON o.id = m.offer_id JOIN provider p ON p.id = o.provider_id
      JOIN help_request r ON r.id = m.help_request_id
      WHERE m.created_at < o.published_at OR m.created_at < o.valid_from OR m.created_at < p.created_at
         OR (p.verified_at IS NOT NULL AND m.created_at < p.verified_at) OR m.created_at < r.created_at`);
    expect(beforeItsTime).toBe(0);
    const wrongStatus = await count(`SELECT COUNT(*)::int AS n FROM help_request r WHERE r.status = 'MATCHED'
      AND NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN ('PENDING','ACCEPTED','ACTIVE'))`);
    expect(wrongStatus).toBe(0);
    expect(await count('SELECT COUNT(*)::int AS n FROM outcome_survey')).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM match WHERE state = 'PENDING' AND respond_by <= now()`)).toBe(0);
    // Each match's history starts at its creation and follows the state machine to its state.
    const broken = await count(`SELECT COUNT(*)::int AS n FROM match m WHERE m.state <> (
      SELECT t.to_state FROM match_transition t WHERE t.match_id = m.id ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1)`);
    expect(broken).toBe(0);
  });

  it('records what it created in the audit trail, as the real actions do: every object and every step of every match', async () => {
    for (const [table, type, action] of [
      ['user_account', 'user', 'user.%'],
      ['shop', 'shop', 'shop.registered'],
      ['provider', 'provider', 'provider.registered'],
      ['offer', 'offer', 'offer.created'],
      ['help_request', 'help_request', 'help_request.created'],
      ['facilitator', 'facilitator', 'facilitator.registered'],
      ['delegation', 'delegation', 'delegation.%'],
    ]) {
      const missing = await count(`SELECT COUNT(*)::int AS n FROM ${table} x
        WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_type = '${type}' AND e.entity_id = x.id::text AND e.action LIKE '${action}')`);
      expect({ table, missing }).toEqual({ table, missing: 0 });
    }
    // One match event per transition, with the same time and actor, and the match's state last.
    const unmatched = await count(`SELECT COUNT(*)::int AS n FROM match_transition t WHERE NOT EXISTS (
      SELECT 1 FROM audit_event e WHERE e.entity_type = 'match' AND e.entity_id = t.match_id::text AND e.action LIKE 'match.%'
        AND e.occurred_at = t.occurred_at AND e.actor_user_id IS NOT DISTINCT FROM t.actor_user_id AND e.after->>'state' = t.to_state::text)`);
    expect(unmatched).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE entity_type = 'match' AND action LIKE 'match.%'`)).toBe(await count('SELECT COUNT(*)::int AS n FROM match_transition'));
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE action = 'outcome_survey.answered'`)).toBe(await count('SELECT COUNT(*)::int AS n FROM outcome_survey'));
    const decided = await count(`SELECT COUNT(*)::int AS n FROM provider p WHERE verification_status <> 'PENDING' AND NOT EXISTS (
      SELECT 1 FROM audit_event e WHERE e.entity_id = p.id::text AND e.action = 'provider.' || lower(p.verification_status::text) AND e.actor_user_id = p.verified_by_user_id)`);
    expect(decided).toBe(0);
    const facilitatorsDecided = await count(`SELECT COUNT(*)::int AS n FROM facilitator f WHERE verification_status <> 'PENDING' AND NOT EXISTS (
      SELECT 1 FROM audit_event e WHERE e.entity_id = f.id::text AND e.action = 'facilitator.' || lower(f.verification_status::text) AND e.actor_user_id = f.verified_by_user_id)`);
    expect(facilitatorsDecided).toBe(0);
    // The story in order: no delegation before its organisation was approved.
    expect(await count(`SELECT COUNT(*)::int AS n FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id WHERE d.created_at < f.verified_at`)).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE request_id <> 'demo-seed' OR occurred_at > now()`)).toBe(0);
    // An assignment by the Department belongs to a run staff can open: the demo makes none without one.
    expect(await count(`SELECT COUNT(*)::int AS n FROM match WHERE origin = 'ALLOCATION' AND allocation_run_id IS NULL`)).toBe(0);
  });

  it('leaves the demo logins something to do: an answer to give, an activation to confirm, a request to place', async () => {
    const [shop] = await db.query(`SELECT s.id FROM shop s JOIN user_account u ON u.id = s.owner_user_id WHERE u.email = 'negozio@vicini.demo'`);
    expect(await count(`SELECT COUNT(*)::int AS n FROM match WHERE shop_id = '${shop.id}' AND state = 'ACCEPTED'`)).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM help_request WHERE shop_id = '${shop.id}' AND status = 'OPEN'`)).toBeGreaterThan(0);
    const [provider] = await db.query(`SELECT p.id FROM provider p JOIN user_account u ON u.id = p.owner_user_id WHERE u.email = 'fornitore@vicini.demo'`);
    expect(await count(`SELECT COUNT(*)::int AS n FROM match WHERE provider_id = '${provider.id}' AND state = 'PENDING'`)).toBeGreaterThan(0);
  });

  it('gives the demo facilitator shops to act for: the demo shop, others of its province and one registered on paper, unclaimed', async () => {
    const rows: { consent: string; owner: string | null; email: string | null }[] = await db.query(
      `SELECT d.consent, s.owner_user_id AS owner, u.email FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id
         JOIN user_account fu ON fu.id = f.owner_user_id JOIN shop s ON s.id = d.shop_id LEFT JOIN user_account u ON u.id = s.owner_user_id
       WHERE fu.email = 'facilitatore@vicini.demo' AND d.status = 'ACTIVE' AND f.verification_status = 'APPROVED'`,
    );
    expect(rows.map((row) => row.email)).toContain('negozio@vicini.demo');
    expect(rows.filter((row) => row.consent === 'PAPER')).toEqual([{ consent: 'PAPER', owner: null, email: null }]);
    expect(await count(`SELECT COUNT(*)::int AS n FROM facilitator WHERE verification_status = 'PENDING'`)).toBe(1);
  });

  it('gives the printed demo logins the documented password', async () => {
    const [row] = await db.query("SELECT password_hash FROM user_account WHERE email = 'ministero@vicini.demo'");
    expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('does nothing on a database that already has accounts', async () => {
    expect(await seedDemo(db)).toBeNull();
    // The 400 shops with accounts, and the one a facilitator registered on paper.
    expect(await count('SELECT COUNT(*)::int AS n FROM shop')).toBe(401);
  });
});
