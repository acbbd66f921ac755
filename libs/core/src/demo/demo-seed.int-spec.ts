import { runPendingMigrations } from '@vec/database';
import { rankApplicants, ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { CallApplicationService } from '../selection-call/call-application.service';
import { CallClosingService } from '../selection-call/call-closing.service';
import { CallResultsService } from '../selection-call/call-results.service';
import { engineCriteria, engineTieBreak, rankingApplicant } from '../selection-call/call-ranking';
import { SelectionCallEntity } from '../selection-call/selection-call.entity';
import { CallApplicationEntity } from '../selection-call/call-application.entity';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase, openTestDataSource } from '../testing/test-database';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

describe('demo seed', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: DataSource;
  // The real services, started once the demo is in (on an empty database the seed would find their rows).
  let core: TestCore | undefined;
  const services = async (): Promise<TestCore> => (core ??= await startTestCore({ url: scratch.url }));

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = await openTestDataSource(scratch.url);
    await runPendingMigrations(db);
  });
  afterAll(async () => {
    await core?.close();
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
    // A request opened for a call's place is written by the closing, which records the place (match.call_admitted) and not the request.
    const callPlaces = `x.id IN (SELECT help_request_id FROM match WHERE origin = 'CALL')`;
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
        WHERE ${table === 'help_request' ? `NOT ${callPlaces} AND` : ''} NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_type = '${type}' AND e.entity_id = x.id::text AND e.action LIKE '${action}')`);
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
    // Its claim link went to the owner's address, as a paper registration sends one, and still works for days.
    const [paper]: { invited_email: string | null; link: boolean; expires: Date | null }[] = await db.query(
      `SELECT invited_email, link_secret_hash IS NOT NULL AS link, link_expires_at AS expires FROM delegation WHERE consent = 'PAPER' AND status = 'ACTIVE'`,
    );
    expect(paper.invited_email).toMatch(/@example\.it$/);
    expect(paper.link).toBe(true);
    expect(paper.expires?.getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);
    expect(await count(`SELECT COUNT(*)::int AS n FROM facilitator WHERE verification_status = 'PENDING'`)).toBe(1);
  });

  it('gives the printed demo logins the documented password', async () => {
    const [row] = await db.query("SELECT password_hash FROM user_account WHERE email = 'ministero@vicini.demo'");
    expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  const demoShop = async (): Promise<{ id: string; owner: string }> => (await db.query(`SELECT s.id, s.owner_user_id AS owner FROM shop s JOIN user_account u ON u.id = s.owner_user_id WHERE u.email = 'negozio@vicini.demo'`))[0];

  it('has a closed selection call of the ministry ranked as its closing ranks: the demo shop among the admitted, holding a place on one of its offers', async () => {
    const [call] = await db.getRepository(SelectionCallEntity).findBy({ status: 'CLOSED' as never });
    expect(call).toMatchObject({ createdByUserId: expect.any(String), publisherFacilitatorId: null, drawSeed: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(call.closedAt?.getTime()).toBeGreaterThan(call.closesAt.getTime());
    expect(call.closesAt.getTime()).toBeLessThan(Date.now() - 7 * 86_400_000);
    const applications = await db.getRepository(CallApplicationEntity).find({ where: { callId: call.id }, order: { position: 'ASC' } });
    expect(applications.length).toBeGreaterThanOrEqual(25);
    // The stored ranking is the one the closing's engine gives from the stored applications.
    const ranked = rankApplicants(applications.map((a) => rankingApplicant(call, a)), engineCriteria(call), engineTieBreak(call));
    expect(applications.map((a) => [a.id, a.position, a.score, a.scoreParts, a.tiedWith, a.separatedBy])).toEqual(
      ranked.map((r) => [r.id, r.position, r.score, r.parts, r.tiedWith, r.separatedFromPrevious]),
    );
    const graduatoria = await (await services()).app.get(CallResultsService).graduatoria(RequestContext.system(), call.id, { first: 100, offset: 0 });
    expect(graduatoria.totalCount).toBe(applications.length);
    const admitted = graduatoria.items.filter((row) => row.status === 'ADMITTED');
    expect(admitted).toHaveLength(call.places);
    expect(graduatoria.items.filter((row) => row.status === 'RESERVE').every((row) => row.reserveReason !== null)).toBe(true);
    const shop = await demoShop();
    expect(applications.find((a) => a.shopId === shop.id)?.status).toBe('ADMITTED');
    // Each admitted shop holds a live place the call gave, on one of its offers, made at the closing.
    const places = await count(`SELECT COUNT(*)::int AS n FROM call_application a JOIN match m ON m.id = a.match_id
      JOIN selection_call_offer so ON so.call_id = a.call_id AND so.offer_id = m.offer_id
      WHERE a.call_id = '${call.id}' AND a.status = 'ADMITTED' AND m.origin = 'CALL' AND m.shop_id = a.shop_id AND m.state IN ('ACCEPTED','ACTIVE') AND m.created_at = a.admitted_at`);
    expect(places).toBe(call.places);
    const used = await count(`SELECT COUNT(*)::int AS n FROM selection_call_offer so JOIN offer o ON o.id = so.offer_id
      WHERE so.call_id = '${call.id}' AND o.used <> (SELECT COUNT(*) FROM match m WHERE m.offer_id = o.id AND m.state IN ('PENDING','ACCEPTED','ACTIVE','COMPLETED'))`);
    expect(used).toBe(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM notification WHERE kind = 'CALL_OUTCOME' AND params->>'callId' = '${call.id}'`)).toBe(applications.length);
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE entity_id = '${call.id}' AND action IN ('selection_call.created', 'selection_call.published', 'selection_call.closed')`)).toBe(3);
    expect(await count(`SELECT COUNT(*)::int AS n FROM audit_event WHERE action = 'call_application.admitted' AND after->>'matchId' IS NOT NULL`)).toBe(call.places);
  });

  it('has an open selection call of the ministry that others applied to and the demo shop can apply to through the real service', async () => {
    const [call] = await db.getRepository(SelectionCallEntity).findBy({ status: 'OPEN' as never });
    expect(call.publishedAt?.getTime()).toBeLessThan(Date.now());
    expect(call.closesAt.getTime()).toBeGreaterThan(Date.now() + 10 * 86_400_000);
    // Its offers can give its places at the closing, as publishing checks them.
    const unfit = await count(`SELECT COUNT(*)::int AS n FROM selection_call_offer so JOIN offer o ON o.id = so.offer_id JOIN provider p ON p.id = o.provider_id
      WHERE so.call_id = '${call.id}' AND (o.status <> 'PUBLISHED' OR p.verification_status <> 'APPROVED' OR o.valid_until <= '${call.closesAt.toISOString()}')`);
    expect(unfit).toBe(0);
    const [{ free }] = await db.query(`SELECT sum(o.capacity - o.used)::int AS free FROM selection_call_offer so JOIN offer o ON o.id = so.offer_id WHERE so.call_id = $1`, [call.id]);
    expect(free).toBeGreaterThanOrEqual(call.places);
    const applications = await db.getRepository(CallApplicationEntity).findBy({ callId: call.id });
    expect(applications.length).toBeGreaterThanOrEqual(20);
    expect(applications.every((a) => a.status === 'SUBMITTED' && a.submittedAt >= (call.publishedAt as Date) && a.submittedAt < new Date())).toBe(true);
    // Each with its shop's facts when it applied, as `apply` copies them.
    const copied = await count(`SELECT COUNT(*)::int AS n FROM call_application a JOIN shop s ON s.id = a.shop_id JOIN comune c ON c.code = s.comune_code
      WHERE a.call_id = '${call.id}' AND a.ateco_division = s.ateco_division AND a.employees = s.employees AND a.comune_code = s.comune_code AND a.province_code = c.province_code
        AND a.shop_name = s.trading_name`);
    expect(copied).toBe(applications.length);
    const shop = await demoShop();
    expect(applications.some((a) => a.shopId === shop.id)).toBe(false);
    const outcome = await (await services()).app.get(CallApplicationService).apply(actingAs({ userId: shop.owner, role: UserRole.SHOP }), {
      callId: call.id,
      declarations: call.declarations.map((d) => d.code),
      answers: call.questions.map((q) => ({ questionCode: q.code, answer: true })),
    });
    expect(outcome.kind).toBe('application');
    // A kind of service it holds no live place of: ranked high enough, it would get one.
    const held = await count(`SELECT COUNT(*)::int AS n FROM match m JOIN selection_call_offer so ON so.call_id = '${call.id}' JOIN offer o ON o.id = so.offer_id
      WHERE m.shop_id = '${shop.id}' AND m.state IN ('PENDING','ACCEPTED','ACTIVE') AND m.category = ANY(o.categories)`);
    expect(held).toBe(0);

    // Closed when its window ends, by the real closing: its offers reach every applicant, so its places are
    // given but to shops that hold a service of the kind already or as many as a shop may.
    const [ministry]: { id: string }[] = await db.query(`SELECT id FROM user_account WHERE email = 'ministero@vicini.demo'`);
    const closing = await (await services())
      .app.get(CallClosingService)
      .close(actingAs({ userId: ministry.id, role: UserRole.MINISTRY }, new Date(call.closesAt.getTime() + 60_000)), call.id);
    expect(closing.kind).toBe('call');
    const outcomes: { status: string; reserve_reason: string | null }[] = await db.query(`SELECT status, reserve_reason FROM call_application WHERE call_id = $1`, [call.id]);
    expect(outcomes.filter((o) => o.reserve_reason === 'NOT_REACHED')).toEqual([]);
    const blocked = outcomes.filter((o) => o.reserve_reason === 'SHOP_LIMIT' || o.reserve_reason === 'CATEGORY_HELD').length;
    expect(outcomes.filter((o) => o.status === 'ADMITTED').length + blocked).toBeGreaterThanOrEqual(Math.min(call.places, outcomes.length));
  });

  it('does nothing on a database that already has accounts', async () => {
    expect(await seedDemo(db)).toBeNull();
    // The 400 shops with accounts, and the one a facilitator registered on paper.
    expect(await count('SELECT COUNT(*)::int AS n FROM shop')).toBe(401);
  });
});
