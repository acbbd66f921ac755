import { RequestContext } from '../common/request-context';
import { seedFacilitator, seedOffer, seedProvider, seedRequest, SeededShop, seedShops } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { MatchApplicationService } from './match-application.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchReminderService } from './match-reminders.service';
import { OutcomeCheckpoint } from './match.types';
import { OutcomeSurveyService } from './outcome-survey.service';

const DAY_MS = 86_400_000;

// Its own database: the reminder job runs weeks ahead and would remind every other test's matches too.
describe('30- and 90-day outcome surveys over time (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  /** A match the shop confirmed active at `activated`, with the shop that owns it. */
  async function activeMatch(activated: Date): Promise<{ matchId: string; shop: SeededShop }> {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [shop] = await seedShops(core.db, 1);
    const helpRequestId = await seedRequest(core.db, shop.id);
    const applied = await core.app.get(MatchApplicationService).apply(actingAs(shop.owner, activated), { helpRequestId, offerId, joinWaitlist: false });
    if (applied.kind !== 'match') throw new Error(`apply: ${applied.kind}`);
    const lifecycle = core.app.get(MatchLifecycleService);
    expect((await lifecycle.act(actingAs(provider.owner, activated), applied.match.id, 'accept')).kind).toBe('match');
    expect((await lifecycle.act(actingAs(shop.owner, activated), applied.match.id, 'activate')).kind).toBe('match');
    return { matchId: applied.match.id, shop };
  }

  /** Runs the reminder job at `now`; returns how many reminders it sent. */
  const remindAt = (now: Date): Promise<number> => core.app.get(MatchReminderService).remindSurveys(RequestContext.system(now));

  const reminders = async (matchId: string): Promise<{ user_id: string; checkpoint: string }[]> =>
    core.db.query(
      `SELECT user_id, params->>'checkpoint' AS checkpoint FROM notification WHERE match_id = $1 AND kind = 'SURVEY_DUE' ORDER BY created_at, id`,
      [matchId],
    );

  const answer = (shop: SeededShop, matchId: string, checkpoint: OutcomeCheckpoint, now: Date) =>
    core.app.get(OutcomeSurveyService).answer(actingAs(shop.owner, now), { matchId, checkpoint, gotOnlineOrders: true, approximateOrders: 4 });

  it('reminds the shop once per checkpoint when it falls due, and takes each answer only from then on', async () => {
    const activated = new Date();
    const at = (days: number): Date => new Date(activated.getTime() + days * DAY_MS);
    const { matchId, shop } = await activeMatch(activated);

    expect(await remindAt(at(29))).toBe(0);
    expect(await reminders(matchId)).toEqual([]);
    expect(await answer(shop, matchId, OutcomeCheckpoint.DAY_30, at(29))).toEqual({ kind: 'not-due', reason: 'TOO_EARLY' });

    expect(await remindAt(at(31))).toBe(1);
    expect(await remindAt(at(32))).toBe(0);
    expect(await reminders(matchId)).toEqual([{ user_id: shop.owner.userId, checkpoint: 'DAY_30' }]);
    expect(await answer(shop, matchId, OutcomeCheckpoint.DAY_90, at(31))).toEqual({ kind: 'not-due', reason: 'TOO_EARLY' });
    expect((await answer(shop, matchId, OutcomeCheckpoint.DAY_30, at(31))).kind).toBe('answered');
    expect(await answer(shop, matchId, OutcomeCheckpoint.DAY_30, at(33))).toEqual({ kind: 'not-due', reason: 'ALREADY_ANSWERED' });

    expect(await remindAt(at(91))).toBe(1);
    expect((await reminders(matchId)).map((r) => r.checkpoint)).toEqual(['DAY_30', 'DAY_90']);
    expect((await answer(shop, matchId, OutcomeCheckpoint.DAY_90, at(91))).kind).toBe('answered');
    const surveys = await core.db.query('SELECT checkpoint, approximate_orders FROM outcome_survey WHERE match_id = $1 ORDER BY checkpoint', [matchId]);
    expect(surveys).toEqual([
      { checkpoint: 'DAY_30', approximate_orders: 4 },
      { checkpoint: 'DAY_90', approximate_orders: 4 },
    ]);
  });

  it('sends no reminder for a checkpoint the shop already answered, nor for a service that never started', async () => {
    const activated = new Date();
    const { matchId, shop } = await activeMatch(activated);
    // Answered on the day it fell due, before the job ran.
    expect((await answer(shop, matchId, OutcomeCheckpoint.DAY_30, new Date(activated.getTime() + 30 * DAY_MS))).kind).toBe('answered');

    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id);
    const [waiting] = await seedShops(core.db, 1);
    const pending = await core.app.get(MatchApplicationService).apply(actingAs(waiting.owner, activated), {
      helpRequestId: await seedRequest(core.db, waiting.id),
      offerId,
      joinWaitlist: false,
    });
    if (pending.kind !== 'match') throw new Error(`apply: ${pending.kind}`);

    await remindAt(new Date(activated.getTime() + 40 * DAY_MS));
    expect(await reminders(matchId)).toEqual([]);
    expect(await reminders(pending.match.id)).toEqual([]);
  });

  it('reminds once even when the reminder’s notification is deleted later (retention, erasure), and never an erased or disabled owner', async () => {
    const activated = new Date();
    const at = (days: number): Date => new Date(activated.getTime() + days * DAY_MS);
    const kept = await activeMatch(activated);
    expect(await remindAt(at(31))).toBeGreaterThanOrEqual(1);
    await core.db.query(`DELETE FROM notification WHERE match_id = $1`, [kept.matchId]);
    await remindAt(at(32));
    expect(await reminders(kept.matchId)).toEqual([]);
    const mails = await core.db.query(`SELECT count(*)::int AS n FROM mail_message WHERE user_id = $1 AND kind = 'SURVEY_DUE'`, [kept.shop.owner.userId]);
    expect(mails).toEqual([{ n: 1 }]);

    const erased = await activeMatch(activated);
    const disabled = await activeMatch(activated);
    await core.db.query(`UPDATE user_account SET erased_at = now() WHERE id = $1`, [erased.shop.owner.userId]);
    await core.db.query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [disabled.shop.owner.userId]);
    await remindAt(at(91));
    expect(await reminders(erased.matchId)).toEqual([]);
    expect(await reminders(disabled.matchId)).toEqual([]);
    const toThem = await core.db.query(`SELECT count(*)::int AS n FROM mail_message WHERE user_id = ANY($1) AND kind = 'SURVEY_DUE'`, [[erased.shop.owner.userId, disabled.shop.owner.userId]]);
    expect(toThem).toEqual([{ n: 0 }]);
  });

  it('asks the facilitator acting for a shop nobody has claimed yet, naming the shop, and leads it to its desk', async () => {
    const activated = new Date();
    const { matchId, shop } = await activeMatch(activated);
    const facilitator = await seedFacilitator(core.db);
    await core.db.query(`UPDATE shop SET owner_user_id = NULL, trading_name = 'Forno del Borgo' WHERE id = $1`, [shop.id]);
    await core.db.query(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now())`, [facilitator.id, shop.id]);
    await remindAt(new Date(activated.getTime() + 31 * DAY_MS));
    expect(await reminders(matchId)).toEqual([{ user_id: facilitator.owner.userId, checkpoint: 'DAY_30' }]);
    const [mail] = await core.db.query(`SELECT subject, text FROM mail_message WHERE user_id = $1 AND kind = 'SURVEY_DUE'`, [facilitator.owner.userId]);
    expect(mail.subject).toMatch(/^Forno del Borgo: come sta andando «/);
    expect(mail.text).toContain('per Forno del Borgo, per cui operi');
    expect(mail.text).toContain('/facilitatore/negozi');
  });

  it('is not held up by services nobody can be asked about (a shop not claimed, with no facilitator acting for it), however many come first', async () => {
    const activated = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1100 });
    const nobody = await seedShops(core.db, 1010);
    await core.db.query(`UPDATE shop SET owner_user_id = NULL WHERE id = ANY($1::uuid[])`, [nobody.map((shop) => shop.id)]);
    const requests = [];
    for (const shop of nobody) requests.push(await seedRequest(core.db, shop.id));
    // Their ids sort before any other, as the job reads them.
    await core.db.query(
      `INSERT INTO match (id, help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, accepted_at, activated_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, r.id, $2, r.shop_id, $3, r.category, 'ACTIVE', 'APPLICATION', 'NATIONAL', 0, $4, $4
       FROM unnest($1::uuid[]) WITH ORDINALITY AS q(request_id, i) JOIN help_request r ON r.id = q.request_id`,
      [requests, offerId, provider.id, activated],
    );
    const { matchId } = await activeMatch(activated);

    await remindAt(new Date(activated.getTime() + 31 * DAY_MS));
    expect(await reminders(matchId)).toEqual([expect.objectContaining({ checkpoint: 'DAY_30' })]);
    const unasked = await core.db.query(`SELECT count(*)::int AS n FROM notification WHERE match_id::text LIKE '00000000-0000-4000-8000-%'`);
    expect(unasked).toEqual([{ n: 0 }]);
  });
});
