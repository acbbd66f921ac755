/**
 * `npm run bench:calls`: closes a selection call with 10,000 applicants (APPLICANTS to change it)
 * through the real path — CallClosingService.close: lock, rank with the pure engine, admit the
 * top places through the match feature (help requests, held places, their history and
 * notifications), write every application's score and rank, audit — on a fresh embedded
 * PostgreSQL with the real migrations. The applicants are written straight to the tables (the
 * closing is what is measured); their scores tie a lot, so the published tie-breaks do the work.
 * Prints the time of the closing, of the engine's ranking alone, and what the closing decided.
 */
import 'reflect-metadata';
import { EmbeddedPostgresServer, runPendingMigrations } from '@vec/database';
import { rankApplicants, ServiceCategory } from '@vec/matching';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserRole } from '../src/auth/user-role';
import { engineCriteria, engineTieBreak, rankingApplicant } from '../src/selection-call/call-ranking';
import { CallApplicationEntity } from '../src/selection-call/call-application.entity';
import { CallClosingService } from '../src/selection-call/call-closing.service';
import { SelectionCallEntity } from '../src/selection-call/selection-call.entity';
import { SelectionCallService } from '../src/selection-call/selection-call.service';
import { ScoringKind, TieBreakRule } from '../src/selection-call/selection-call.types';
import { seedOffer, seedProvider, seedUser } from '../src/testing/seed';
import { actingAs, startTestCore } from '../src/testing/test-core';
import { openTestDataSource } from '../src/testing/test-database';

const APPLICANTS = Number(process.env.APPLICANTS ?? 10_000);
const PLACES = Number(process.env.PLACES ?? 300);
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const dir = join(tmpdir(), `vicini-bench-calls-${process.pid}-${Date.now()}`);
  const server = await EmbeddedPostgresServer.start({ dataDir: dir, port: 54500 + Math.floor(Math.random() * 400), database: 'bench' });
  try {
    const migrations = await openTestDataSource(server.url);
    await runPendingMigrations(migrations);
    await migrations.destroy();
    const core = await startTestCore({ url: server.url });
    const db = core.db;
    const now = new Date();
    const staff = await seedUser(db, UserRole.MINISTRY);
    const provider = await seedProvider(db);
    const offers = [
      await seedOffer(db, provider.id, { capacity: Math.ceil(PLACES / 2), categories: [ServiceCategory.MARKETPLACE_LISTING] }),
      await seedOffer(db, provider.id, { capacity: PLACES, categories: [ServiceCategory.MARKETPLACE_LISTING, ServiceCategory.ONLINE_STORE] }),
    ];

    let started = performance.now();
    // Shops across every province, one account each.
    await db.query(
      `WITH users AS (
         INSERT INTO user_account (email, password_hash, role)
         SELECT 'bench-shop-' || i || '@example.it', 'not-a-login', 'SHOP' FROM generate_series(1, $1) AS i RETURNING id, email),
       places AS (SELECT code, latitude, longitude, row_number() OVER (ORDER BY code) AS n FROM comune),
       numbered AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users)
       INSERT INTO shop (owner_user_id, legal_name, partita_iva, ateco_section, ateco_division, comune_code, address, latitude, longitude, coordinates_from_comune, employees, contact_email)
       SELECT u.id, 'Impresa ' || u.n, lpad(u.n::text, 10, '0') || ((10 - ((u.n * 7) % 10)) % 10)::text, 'G', '47', p.code, 'Via Roma 1', p.latitude, p.longitude, true, (u.n % 10)::int, 'impresa@example.it'
       FROM numbered u JOIN places p ON p.n = 1 + (u.n * 37) % (SELECT count(*) FROM comune)`,
      [APPLICANTS],
    );
    console.log(`seeded ${APPLICANTS} shops in ${Math.round(performance.now() - started)} ms`);

    const calls = core.app.get(SelectionCallService);
    const call = await calls.create(actingAs(staff, now), {
      title: 'Made in Italy online',
      description: 'Un anno gratuito su un marketplace internazionale per le imprese selezionate.',
      offerIds: offers,
      places: PLACES,
      opensAt: new Date(now.getTime() - DAY_MS),
      closesAt: new Date(now.getTime() + DAY_MS),
      eligibility: {},
      declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
      questions: [{ code: 'prima-volta', text: 'È la prima volta che l’impresa vende online?' }],
      scoring: [
        { kind: ScoringKind.ANSWER_YES, weight: 50, questionCode: 'prima-volta' },
        { kind: ScoringKind.FEWER_EMPLOYEES, weight: 30, employeesCap: 10 },
        { kind: ScoringKind.PRIORITY_PROVINCES, weight: 20, provinceCodes: ['015', '058', '063', '082'] },
      ],
      tieBreak: [TieBreakRule.EARLIER_APPLICATION, TieBreakRule.FEWER_EMPLOYEES],
    });
    await calls.publish(actingAs(staff, now), call.id);
    started = performance.now();
    await db.query(
      `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       SELECT $1, s.id, $2::timestamptz + make_interval(mins => (row_number() OVER (ORDER BY s.id) % 60)::int), ARRAY['sede-italia'],
              jsonb_build_object('prima-volta', row_number() OVER (ORDER BY s.id) % 3 = 0), s.ateco_section, s.ateco_division, s.employees, s.comune_code, c.province_code, p.region_code
       FROM shop s JOIN comune c ON c.code = s.comune_code JOIN province p ON p.code = c.province_code WHERE s.legal_name LIKE 'Impresa %'`,
      [call.id, now],
    );
    console.log(`wrote ${APPLICANTS} applications in ${Math.round(performance.now() - started)} ms\n`);

    // The engine alone, on the same applicants.
    const stored = await db.getRepository(SelectionCallEntity).findOneByOrFail({ id: call.id });
    const applications = await db.getRepository(CallApplicationEntity).findBy({ callId: call.id });
    const applicants = applications.map((a) => rankingApplicant(stored, a));
    started = performance.now();
    const ranked = rankApplicants(applicants, engineCriteria(stored), engineTieBreak(stored));
    const rankMs = performance.now() - started;

    const closing = core.app.get(CallClosingService);
    started = performance.now();
    const outcome = await closing.close(actingAs(staff, new Date(now.getTime() + 2 * DAY_MS)), call.id);
    const closeMs = performance.now() - started;
    if (outcome.kind !== 'call') throw new Error(`closing: ${outcome.kind}`);
    started = performance.now();
    await closing.close(actingAs(staff, new Date(now.getTime() + 3 * DAY_MS)), call.id);
    const againMs = performance.now() - started;

    const [counts] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'ADMITTED')::int AS admitted, count(*) FILTER (WHERE status = 'RESERVE')::int AS reserve,
              count(DISTINCT score)::int AS scores, max(tied_with)::int AS "largestTie" FROM call_application WHERE call_id = $1`,
      [call.id],
    );
    const [{ matches }] = await db.query(`SELECT count(*)::int AS matches FROM match WHERE origin = 'CALL'`);
    console.log(`${APPLICANTS} applicants, ${PLACES} places, ${counts.scores} distinct scores (largest tie: ${counts.largestTie + 1} applicants)`);
    console.log(`engine ranking alone:           ${rankMs.toFixed(0).padStart(6)} ms (${ranked.length} ranked)`);
    console.log(`closing through the real path:  ${closeMs.toFixed(0).padStart(6)} ms (${counts.admitted} admitted with ${matches} held places, ${counts.reserve} in reserve)`);
    console.log(`closing again (nothing to do):  ${againMs.toFixed(0).padStart(6)} ms`);
    await core.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
