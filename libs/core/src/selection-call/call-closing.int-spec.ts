import { createHash } from 'node:crypto';
import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { MatchLifecycleService } from '../match/match-lifecycle.service';
import { MatchApplicationService } from '../match/match-application.service';
import { seedOffer, seedProvider, seedRequest, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import type { Actor } from '../common/request-context';
import { CallApplicationService } from './call-application.service';
import { CallClosingService } from './call-closing.service';
import { CallResultsService } from './call-results.service';
import type { CreateSelectionCall } from './selection-call.commands';
import { SelectionCallService } from './selection-call.service';
import { ScoringKind, TieBreakRule } from './selection-call.types';

const DAY_MS = 86_400_000;
const TORINO = '001272';
const MILANO = '015146';

// Its own database: the sweep closes every call that is due, and this file moves the clock ahead.
describe('closing a selection call: ranking, places, reserve list, graduatoria (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let staff: Actor;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    staff = await seedUser(core.db, UserRole.MINISTRY);
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const calls = (): SelectionCallService => core.app.get(SelectionCallService);
  const closing = (): CallClosingService => core.app.get(CallClosingService);

  function aCall(offerIds: string[], now: Date, overrides: Partial<CreateSelectionCall> = {}): CreateSelectionCall {
    return {
      title: 'Made in Italy online',
      description: 'Un anno gratuito su un marketplace internazionale per le imprese selezionate.',
      offerIds,
      places: 300,
      opensAt: new Date(now.getTime() - DAY_MS),
      closesAt: new Date(now.getTime() + DAY_MS),
      eligibility: {},
      declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
      questions: [{ code: 'prima-volta', text: 'È la prima volta che l’impresa vende online?' }],
      scoring: [
        { kind: ScoringKind.ANSWER_YES, weight: 60, questionCode: 'prima-volta' },
        { kind: ScoringKind.PRIORITY_PROVINCES, weight: 40, provinceCodes: ['015'] },
      ],
      tieBreak: [TieBreakRule.EARLIER_APPLICATION, TieBreakRule.FEWER_EMPLOYEES],
      ...overrides,
    };
  }

  /** Applications written as the shops are (their place and sector), a minute apart in this order, whatever the call's rules. */
  async function applyInOrder(callId: string, shops: readonly { id: string }[], now: Date): Promise<void> {
    for (const [i, shop] of shops.entries()) {
      await core.db.query(
        `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
         SELECT $1, s.id, $3::timestamptz, ARRAY['sede-italia'], '{}'::jsonb, s.ateco_section, s.ateco_division, 2, s.comune_code, c.province_code, p.region_code
         FROM shop s JOIN comune c ON c.code = s.comune_code JOIN province p ON p.code = c.province_code WHERE s.id = $2`,
        [callId, shop.id, new Date(now.getTime() + i * 60_000)],
      );
    }
  }

  async function openCall(input: CreateSelectionCall, now: Date): Promise<{ id: string; drawSeed: string }> {
    const call = await calls().create(actingAs(staff, now), input);
    const published = await calls().publish(actingAs(staff, now), call.id);
    if (published.kind !== 'call' || !published.call.drawSeed) throw new Error(`publish: ${published.kind}`);
    return { id: call.id, drawSeed: published.call.drawSeed };
  }

  it('ranks 1,000 applicants by the published criteria, breaks ties as published, admits 300 with a held place and keeps the rest in reserve; closing again changes nothing', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerA = await seedOffer(core.db, provider.id, { capacity: 200, categories: [ServiceCategory.MARKETPLACE_LISTING] });
    const offerB = await seedOffer(core.db, provider.id, { capacity: 150, categories: [ServiceCategory.MARKETPLACE_LISTING, ServiceCategory.ONLINE_STORE] });
    const call = await openCall(aCall([offerA, offerB], now), now);
    const shops = [...(await seedShops(core.db, 500, { comuneCode: TORINO })), ...(await seedShops(core.db, 500, { comuneCode: MILANO }))];
    // Four scores only, five application times, five sizes: most applicants are tied, and the published rules decide.
    await core.db.query(
      `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       SELECT $1, s.id, $2::timestamptz + make_interval(mins => (t.i % 5)::int), ARRAY['sede-italia'], jsonb_build_object('prima-volta', t.i % 3 = 0),
              s.ateco_section, s.ateco_division, (t.i * 7) % 5, s.comune_code, c.province_code, p.region_code
       FROM unnest($3::uuid[]) WITH ORDINALITY AS t(shop_id, i) JOIN shop s ON s.id = t.shop_id JOIN comune c ON c.code = s.comune_code JOIN province p ON p.code = c.province_code`,
      [call.id, now, shops.map((s) => s.id)],
    );

    const started = Date.now();
    const outcome = await closing().close(actingAs(staff, new Date(now.getTime() + 2 * DAY_MS)), call.id);
    const closingMs = Date.now() - started;
    expect(outcome.kind).toBe('call');
    expect(closingMs).toBeLessThan(20_000);

    const rows: { id: string; position: number; score: number; status: string; submitted_at: Date; employees: number; match_id: string | null }[] = await core.db.query(
      `SELECT id, position, score, status, submitted_at, employees, match_id FROM call_application WHERE call_id = $1 ORDER BY position`,
      [call.id],
    );
    expect(rows).toHaveLength(1000);
    // The order the published rules give, computed here independently of the engine.
    const key = (id: string): string => createHash('sha256').update(`${call.drawSeed}:${id}`).digest('hex');
    const expected = [...rows].sort(
      (a, b) => b.score - a.score || a.submitted_at.getTime() - b.submitted_at.getTime() || a.employees - b.employees || (key(a.id) < key(b.id) ? -1 : 1),
    );
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.score))).toEqual(new Set([10000, 6000, 4000, 0]));
    expect(rows.slice(0, 300).every((r) => r.status === 'ADMITTED' && r.match_id)).toBe(true);
    expect(rows.slice(300).every((r) => r.status === 'RESERVE' && r.match_id === null)).toBe(true);

    const matches: { offer_id: string; n: number }[] = await core.db.query(
      `SELECT offer_id, count(*)::int AS n FROM match WHERE origin = 'CALL' AND state = 'PENDING' AND id = ANY($1::uuid[]) GROUP BY offer_id ORDER BY n DESC`,
      [rows.slice(0, 300).map((r) => r.match_id)],
    );
    expect(matches).toEqual([
      { offer_id: offerA, n: 200 },
      { offer_id: offerB, n: 100 },
    ]);
    const used: { id: string; used: number }[] = await core.db.query(`SELECT id, used FROM offer WHERE id = ANY($1::uuid[]) ORDER BY capacity DESC`, [[offerA, offerB]]);
    expect(used).toEqual([
      { id: offerA, used: 200 },
      { id: offerB, used: 100 },
    ]);

    const graduatoria = await core.app.get(CallResultsService).graduatoria(RequestContext.system(), call.id, { first: 5, offset: 298 });
    expect(graduatoria.totalCount).toBe(1000);
    expect(graduatoria.items.map((r) => [r.position, r.status])).toEqual([
      [299, 'ADMITTED'],
      [300, 'ADMITTED'],
      [301, 'RESERVE'],
      [302, 'RESERVE'],
      [303, 'RESERVE'],
    ]);
    expect(Object.keys(graduatoria.items[0]).sort()).toEqual(['applicationId', 'comuneName', 'drawKey', 'employees', 'position', 'provinceSigla', 'reserveReason', 'score', 'shopName', 'status', 'submittedAt']);

    const again = await closing().close(actingAs(staff, new Date(now.getTime() + 3 * DAY_MS)), call.id);
    expect(again.kind).toBe('call');
    const [{ n }] = await core.db.query(`SELECT count(*)::int AS n FROM match WHERE origin = 'CALL' AND offer_id = ANY($1::uuid[])`, [[offerA, offerB]]);
    expect(n).toBe(300);
    const [{ closed }] = await core.db.query(`SELECT count(*)::int AS closed FROM audit_event WHERE action = 'selection_call.closed' AND entity_id = $1`, [call.id]);
    expect(closed).toBe(1);
  }, 120_000);

  it('is closed by the sweep once its window ends, not before; a place declined by the provider goes to the first in reserve who can take it', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offer = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.HOME_DELIVERY] });
    const call = await openCall(aCall([offer], now, { places: 2, scoring: [{ kind: ScoringKind.ANSWER_YES, weight: 10, questionCode: 'prima-volta' }], tieBreak: [TieBreakRule.EARLIER_APPLICATION] }), now);
    const shops = await seedShops(core.db, 4, { comuneCode: TORINO });
    const applications = core.app.get(CallApplicationService);
    for (const [i, shop] of shops.entries()) {
      const outcome = await applications.apply(actingAs(shop.owner, new Date(now.getTime() + i * 60_000)), {
        callId: call.id,
        declarations: ['sede-italia'],
        answers: [{ questionCode: 'prima-volta', answer: true }],
      });
      expect(outcome.kind).toBe('application');
    }
    const state = async (): Promise<{ shop_id: string; status: string; position: number | null; match_id: string | null }[]> =>
      core.db.query(`SELECT shop_id, status, position, match_id FROM call_application WHERE call_id = $1 ORDER BY submitted_at`, [call.id]);

    await closing().sweep(RequestContext.system(new Date(now.getTime() + DAY_MS / 2)));
    expect((await state()).map((a) => a.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED']);

    await closing().sweep(RequestContext.system(new Date(now.getTime() + DAY_MS + 1000)));
    const closed = await state();
    expect(closed.map((a) => [a.status, a.position])).toEqual([
      ['ADMITTED', 1],
      ['ADMITTED', 2],
      ['RESERVE', 3],
      ['RESERVE', 4],
    ]);

    const declined = await core.app.get(MatchLifecycleService).act(actingAs(provider.owner, new Date(now.getTime() + 2 * DAY_MS)), closed[1].match_id as string, 'decline', 'Non serviamo questa zona');
    expect(declined.kind).toBe('match');
    await closing().sweep(RequestContext.system(new Date(now.getTime() + 2 * DAY_MS + 1000)));
    const refilled = await state();
    expect(refilled.map((a) => a.status)).toEqual(['ADMITTED', 'LAPSED', 'ADMITTED', 'RESERVE']);
    const [{ state: promotedMatch }] = await core.db.query(`SELECT state FROM match WHERE id = $1`, [refilled[2].match_id]);
    expect(promotedMatch).toBe('PENDING');

    // Each applicant heard what the call decided, in the web app and by e-mail; the provider, of each place to answer.
    const heard = async (shopIndex: number): Promise<{ outcome: string; subject: string }[]> =>
      core.db.query(
        `SELECT n.params->>'outcome' AS outcome, m.subject FROM notification n
           JOIN mail_message m ON m.user_id = n.user_id AND m.kind = 'CALL_OUTCOME' AND m.idempotency_key LIKE 'call:' || (n.params->>'callId') || ':%:' || (n.params->>'outcome') || ':%'
          WHERE n.user_id = $1 AND n.kind = 'CALL_OUTCOME' ORDER BY n.created_at, n.id`,
        [shops[shopIndex].owner.userId],
      );
    expect(await heard(0)).toEqual([{ outcome: 'ADMITTED', subject: 'Un posto dal bando «Made in Italy online»' }]);
    expect(await heard(2)).toEqual([
      { outcome: 'RESERVE', subject: 'In riserva nel bando «Made in Italy online»' },
      { outcome: 'PROMOTED', subject: 'Un posto dal bando «Made in Italy online»' },
    ]);
    const [reserveText] = await core.db.query(`SELECT text FROM mail_message WHERE user_id = $1 AND kind = 'CALL_OUTCOME'`, [shops[3].owner.userId]);
    expect(reserveText.text).toContain('sei in riserva, alla posizione 4 della graduatoria');
    expect(reserveText.text).toMatch(/Vedi i tuoi bandi: \S+\/la-mia-attivita\/bandi/);
    // A place won leads to its service, and says so.
    const [admittedText] = await core.db.query(`SELECT text FROM mail_message WHERE user_id = $1 AND kind = 'CALL_OUTCOME'`, [shops[0].owner.userId]);
    expect(admittedText.text).toMatch(/Vedi il servizio: \S+\/la-mia-attivita\/servizi\/[0-9a-f-]{36}/);
    const providerNotices: { kind: string }[] = await core.db.query(`SELECT kind FROM notification WHERE user_id = $1 AND kind = 'MATCH_CALL_ADMITTED'`, [provider.owner.userId]);
    expect(providerNotices).toHaveLength(3);
    const providerMails: { n: number }[] = await core.db.query(`SELECT count(*)::int AS n FROM mail_message WHERE user_id = $1 AND kind = 'MATCH_APPLIED'`, [provider.owner.userId]);
    expect(providerMails[0].n).toBe(3);
    const actions: { action: string }[] = await core.db.query(
      `SELECT action FROM audit_event WHERE entity_id = ANY($1::text[]) AND action LIKE 'call_application.%' ORDER BY occurred_at, action`,
      [(await core.db.query(`SELECT id FROM call_application WHERE call_id = $1`, [call.id])).map((r: { id: string }) => r.id)],
    );
    expect(actions.map((a) => a.action).sort()).toEqual([
      'call_application.admitted',
      'call_application.admitted',
      'call_application.lapsed',
      'call_application.promoted',
      'call_application.submitted',
      'call_application.submitted',
      'call_application.submitted',
      'call_application.submitted',
    ]);
  }, 60_000);

  it('gives a place only on an offer that reaches the applicant by its own area and sectors, whatever the call allows; the others wait in reserve', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    // Home delivery in Milano only, for shops of section G.
    const offer = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.HOME_DELIVERY], comuneCodes: [MILANO] });
    await core.db.query(`UPDATE offer SET all_sectors = false, eligible_sections = '{G}' WHERE id = $1`, [offer]);
    const call = await openCall(aCall([offer], now, { places: 5, scoring: [], questions: [] }), now);
    const [inMilano] = await seedShops(core.db, 1, { comuneCode: MILANO, section: 'G', division: '47' });
    const [inTorino] = await seedShops(core.db, 1, { comuneCode: TORINO, section: 'G', division: '47' });
    const [otherSector] = await seedShops(core.db, 1, { comuneCode: MILANO, section: 'S', division: '96' });
    await applyInOrder(call.id, [inTorino, otherSector, inMilano], now);
    expect((await closing().close(actingAs(staff, new Date(now.getTime() + 2 * DAY_MS)), call.id)).kind).toBe('call');
    const outcome: { shop_id: string; position: number; status: string }[] = await core.db.query(
      'SELECT shop_id, position, status FROM call_application WHERE call_id = $1 ORDER BY position',
      [call.id],
    );
    expect(outcome).toEqual([
      { shop_id: inTorino.id, position: 1, status: 'RESERVE' },
      { shop_id: otherSector.id, position: 2, status: 'RESERVE' },
      { shop_id: inMilano.id, position: 3, status: 'ADMITTED' },
    ]);
    const published = await core.app.get(CallResultsService).graduatoria(RequestContext.system(), call.id, { first: 5, offset: 0 });
    expect(published.items.map((row) => [row.position, row.status, row.reserveReason])).toEqual([
      [1, 'RESERVE', 'NOT_REACHED'],
      [2, 'RESERVE', 'NOT_REACHED'],
      [3, 'ADMITTED', null],
    ]);
    // The place records how the offer reaches the shop (its comune), as any other place does: not the whole of Italy.
    expect(await core.db.query(`SELECT m.coverage_level, m.distance_km::float AS distance_km FROM match m JOIN help_request r ON r.id = m.help_request_id WHERE r.shop_id = $1`, [inMilano.id])).toEqual([
      { coverage_level: 'COMUNE', distance_km: 0 },
    ]);
  });

  it('says why each applicant ranked above an admission waits: a service of that kind already live, as many live services as a shop may hold', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const delivery = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.HOME_DELIVERY] });
    const call = await openCall(aCall([delivery], now, { places: 1, scoring: [], questions: [] }), now);
    const [holder, full, first, last] = await seedShops(core.db, 4, { comuneCode: TORINO });
    // Live services before the call: the holder has home delivery, the other as many services as a shop may hold (3).
    const live = async (shop: { id: string; owner: Actor }, category: ServiceCategory): Promise<void> => {
      const offer = await seedOffer(core.db, provider.id, { capacity: 5, categories: [category] });
      const helpRequestId = await seedRequest(core.db, shop.id, category);
      expect((await core.app.get(MatchApplicationService).apply(actingAs(shop.owner), { helpRequestId, offerId: offer, joinWaitlist: false })).kind).toBe('match');
    };
    await live(holder, ServiceCategory.HOME_DELIVERY);
    for (const category of [ServiceCategory.ONLINE_STORE, ServiceCategory.WEBSITE, ServiceCategory.DIGITAL_PAYMENTS]) await live(full, category);
    await applyInOrder(call.id, [holder, full, first, last], now);
    expect((await closing().close(actingAs(staff, new Date(now.getTime() + 2 * DAY_MS)), call.id)).kind).toBe('call');
    const published = await core.app.get(CallResultsService).graduatoria(RequestContext.system(), call.id, { first: 5, offset: 0 });
    expect(published.items.map((row) => [row.position, row.status, row.reserveReason])).toEqual([
      [1, 'RESERVE', 'CATEGORY_HELD'],
      [2, 'RESERVE', 'SHOP_LIMIT'],
      [3, 'ADMITTED', null],
      [4, 'RESERVE', 'CALL_FULL'],
    ]);
  });

  it('gives a place never taken to the first in reserve once the service that kept it out ends', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const delivery = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.HOME_DELIVERY] });
    const call = await openCall(aCall([delivery], now, { places: 1, scoring: [], questions: [] }), now);
    const [holder] = await seedShops(core.db, 1, { comuneCode: TORINO });
    const other = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.HOME_DELIVERY] });
    const helpRequestId = await seedRequest(core.db, holder.id, ServiceCategory.HOME_DELIVERY);
    const live = await core.app.get(MatchApplicationService).apply(actingAs(holder.owner), { helpRequestId, offerId: other, joinWaitlist: false });
    if (live.kind !== 'match') throw new Error(`expected a match, got ${live.kind}`);
    await applyInOrder(call.id, [holder], now);
    const closedAt = new Date(now.getTime() + 2 * DAY_MS);
    expect((await closing().close(actingAs(staff, closedAt), call.id)).kind).toBe('call');
    const state = async (): Promise<unknown> => (await core.db.query(`SELECT status, reserve_reason FROM call_application WHERE call_id = $1`, [call.id]))[0];
    expect(await state()).toEqual({ status: 'RESERVE', reserve_reason: 'CATEGORY_HELD' });

    // Still held: the sweep leaves it waiting, its reason unchanged.
    await closing().sweep(RequestContext.system(new Date(closedAt.getTime() + 60_000)));
    expect(await state()).toEqual({ status: 'RESERVE', reserve_reason: 'CATEGORY_HELD' });

    expect((await core.app.get(MatchLifecycleService).act(actingAs(holder.owner, new Date(closedAt.getTime() + 120_000)), live.match.id, 'withdraw', 'Non ci serve più')).kind).toBe('match');
    await closing().sweep(RequestContext.system(new Date(closedAt.getTime() + 180_000)));
    expect(await state()).toEqual({ status: 'ADMITTED', reserve_reason: null });
  });

  it('gives the places an offer could not hold at the closing to the reserve list once the offer has room again', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offer = await seedOffer(core.db, provider.id, { capacity: 2, categories: [ServiceCategory.CONNECTIVITY] });
    const call = await openCall(aCall([offer], now, { places: 2, scoring: [], questions: [], tieBreak: [] }), now);
    // Before the closing, the provider lowers the capacity: one place only can be held.
    await core.db.query('UPDATE offer SET capacity = 1 WHERE id = $1', [offer]);
    const shops = await seedShops(core.db, 3, { comuneCode: TORINO });
    await applyInOrder(call.id, shops, now);
    const closedAt = new Date(now.getTime() + 2 * DAY_MS);
    expect((await closing().close(actingAs(staff, closedAt), call.id)).kind).toBe('call');
    const state = async (): Promise<unknown[]> =>
      (await core.db.query(`SELECT status, reserve_reason FROM call_application WHERE call_id = $1 ORDER BY position`, [call.id])).map((a: { status: string; reserve_reason: string | null }) => [a.status, a.reserve_reason]);
    expect(await state()).toEqual([['ADMITTED', null], ['RESERVE', 'NO_PLACE_LEFT'], ['RESERVE', 'NO_PLACE_LEFT']]);
    // Ranked by the draw alone: the graduatoria publishes neither the applications' times nor their employees.
    const published = await core.app.get(CallResultsService).graduatoria(actingAs(staff, closedAt), call.id, { first: 10, offset: 0 });
    expect(published.items.map((row) => [row.submittedAt, row.employees])).toEqual([[null, null], [null, null], [null, null]]);

    // Still full: the sweep leaves the reserve waiting.
    await closing().sweep(RequestContext.system(new Date(closedAt.getTime() + 60_000)));
    expect(await state()).toEqual([['ADMITTED', null], ['RESERVE', 'NO_PLACE_LEFT'], ['RESERVE', 'NO_PLACE_LEFT']]);

    // The provider raises the capacity: the call's second place goes to the first in reserve, and no more.
    await core.db.query('UPDATE offer SET capacity = 3 WHERE id = $1', [offer]);
    await closing().sweep(RequestContext.system(new Date(closedAt.getTime() + 120_000)));
    expect(await state()).toEqual([['ADMITTED', null], ['ADMITTED', null], ['RESERVE', 'CALL_FULL']]);
  });

  it('keeps admitted a shop whose service started and was given up later: its place is not given again', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offer = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.ONLINE_BOOKING] });
    const call = await openCall(aCall([offer], now, { places: 1, scoring: [], questions: [] }), now);
    const shops = await seedShops(core.db, 2, { comuneCode: TORINO });
    await applyInOrder(call.id, shops, now);
    const closedAt = new Date(now.getTime() + 2 * DAY_MS);
    expect((await closing().close(actingAs(staff, closedAt), call.id)).kind).toBe('call');
    const [{ match_id: matchId }] = await core.db.query(`SELECT match_id FROM call_application WHERE call_id = $1 AND status = 'ADMITTED'`, [call.id]);
    const lifecycle = core.app.get(MatchLifecycleService);
    const at = (minutes: number): Date => new Date(closedAt.getTime() + minutes * 60_000);
    expect((await lifecycle.act(actingAs(provider.owner, at(1)), matchId, 'accept')).kind).toBe('match');
    expect((await lifecycle.act(actingAs(shops[0].owner, at(2)), matchId, 'activate')).kind).toBe('match');
    expect((await lifecycle.act(actingAs(shops[0].owner, at(3)), matchId, 'withdraw', 'Non ci serve più')).kind).toBe('match');

    await closing().sweep(RequestContext.system(at(4)));
    const statuses = (await core.db.query(`SELECT status FROM call_application WHERE call_id = $1 ORDER BY position`, [call.id])).map((a: { status: string }) => a.status);
    expect(statuses).toEqual(['ADMITTED', 'RESERVE']);
  });
});
