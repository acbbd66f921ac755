import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import type { Actor } from '../common/request-context';
import { RequestContext } from '../common/request-context';
import { MatchLifecycleService } from '../match/match-lifecycle.service';
import { CallApplicationService } from '../selection-call/call-application.service';
import { CallClosingService } from '../selection-call/call-closing.service';
import type { CreateSelectionCall } from '../selection-call/selection-call.commands';
import { SelectionCallService } from '../selection-call/selection-call.service';
import { ScoringKind, TieBreakRule } from '../selection-call/selection-call.types';
import { seedFacilitator, seedOffer, seedProvider, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { CallsMonitoringService } from './calls-monitoring.service';

const DAY_MS = 86_400_000;
const [TORINO, MILANO] = ['001272', '015146'];

// Its own database: the totals cover every call, and the sweep closes every call that is due.
describe('selection calls on the ministry dashboard: places, filled, applicants, excluded, reserve, promoted (real PostgreSQL)', () => {
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

  const aCall = (offerIds: string[], now: Date, places: number, closesInMs: number): CreateSelectionCall => ({
    title: `Bando ${places} posti`,
    description: 'Un anno gratuito di vetrina online per le imprese selezionate.',
    offerIds,
    places,
    opensAt: new Date(now.getTime() - DAY_MS),
    closesAt: new Date(now.getTime() + closesInMs),
    eligibility: {},
    declarations: [],
    questions: [],
    scoring: [{ kind: ScoringKind.FEWER_EMPLOYEES, weight: 10, employeesCap: 10 }],
    tieBreak: [TieBreakRule.EARLIER_APPLICATION],
  });

  it('counts each published call and the totals of open and closed ones exactly, honouring place, sector, category and period', async () => {
    const now = new Date();
    const at = (ms: number): Date => new Date(now.getTime() + ms);
    const calls = core.app.get(SelectionCallService);
    const applications = core.app.get(CallApplicationService);
    const provider = await seedProvider(core.db);
    const storeOffer = await seedOffer(core.db, provider.id, { capacity: 10, categories: [ServiceCategory.ONLINE_STORE] });
    const deliveryOffer = await seedOffer(core.db, provider.id, { capacity: 10, categories: [ServiceCategory.HOME_DELIVERY] });

    const open = async (input: CreateSelectionCall): Promise<string> => {
      const call = await calls.create(actingAs(staff, now), input);
      expect((await calls.publish(actingAs(staff, now), call.id)).kind).toBe('call');
      return call.id;
    };
    const applyAll = async (callId: string, shops: { owner: Actor }[], start: number): Promise<string[]> => {
      const ids: string[] = [];
      for (const [i, shop] of shops.entries()) {
        const outcome = await applications.apply(actingAs(shop.owner, at(start + i * 1000)), { callId, declarations: [], answers: [] });
        if (outcome.kind !== 'application') throw new Error(`apply: ${outcome.kind}`);
        ids.push(outcome.application.id);
      }
      return ids;
    };

    // A closed call: 2 places, 5 applicants (3 in Torino, 2 in Milano), 1 excluded; then a place declined and given to the reserve.
    const closedId = await open(aCall([storeOffer], now, 2, DAY_MS));
    const torino = await seedShops(core.db, 3, { comuneCode: TORINO });
    const milano = await seedShops(core.db, 2, { comuneCode: MILANO, section: 'C', division: '10' });
    const applied = await applyAll(closedId, [...torino, ...milano], 0);
    expect((await applications.exclude(actingAs(staff, at(10_000)), { applicationId: applied[4], reason: 'Visura non conforme' })).kind).toBe('application');
    await core.app.get(CallClosingService).sweep(RequestContext.system(at(DAY_MS + 1000)));
    const admitted: { id: string; match_id: string }[] = await core.db.query(`SELECT id, match_id FROM call_application WHERE call_id = $1 AND status = 'ADMITTED' ORDER BY position`, [closedId]);
    expect(admitted.map((a) => a.id)).toEqual([applied[0], applied[1]]);
    const declined = await core.app.get(MatchLifecycleService).act(actingAs(provider.owner, at(2 * DAY_MS)), admitted[1].match_id, 'decline', 'Non serviamo ancora questa zona');
    expect(declined.kind).toBe('match');
    await core.app.get(CallClosingService).sweep(RequestContext.system(at(2 * DAY_MS + 1000)));
    // Now: applied[0] admitted, applied[1] lapsed, applied[2] promoted, applied[3] in reserve, applied[4] excluded.

    // An open call giving a delivery offer, organisation-run: 3 places, 2 applicants in Torino, none excluded yet.
    const org = await seedFacilitator(core.db, 'APPROVED', 'Agenzia regionale per l’export');
    await core.db.query(`INSERT INTO call_publisher (facilitator_id, granted_at, granted_by_user_id) VALUES ($1, $2, $3)`, [org.id, now, staff.userId]);
    const openCallId = await calls.create(actingAs(org.owner, now), aCall([deliveryOffer], now, 3, 10 * DAY_MS)).then(async (call) => {
      expect((await calls.publish(actingAs(org.owner, now), call.id)).kind).toBe('call');
      return call.id;
    });
    await applyAll(openCallId, await seedShops(core.db, 2, { comuneCode: TORINO }), 2 * DAY_MS + 5000);
    // A draft is not on the dashboard.
    await calls.create(actingAs(staff, now), aCall([storeOffer], now, 7, 10 * DAY_MS));

    const service = core.app.get(CallsMonitoringService);
    const later = actingAs(staff, at(3 * DAY_MS));
    const all = await service.calls(later, {});
    expect(all.closed).toEqual({ calls: 1, places: 2, placesFilled: 2, applicants: 5, excluded: 1, reserve: 1, promotedFromReserve: 1 });
    expect(all.open).toEqual({ calls: 1, places: 3, placesFilled: 0, applicants: 2, excluded: 0, reserve: 0, promotedFromReserve: 0 });
    expect(all.calls.map((c) => [c.callId, c.status, c.organisationName])).toEqual([
      [openCallId, 'OPEN', 'Agenzia regionale per l’export'],
      [closedId, 'CLOSED', null],
    ]);

    // Milano (Lombardia): only the excluded applicant of the closed call; the open call has none there.
    const lombardia = await service.calls(later, { regionCode: '03' });
    expect(lombardia.closed).toEqual({ calls: 1, places: 2, placesFilled: 0, applicants: 2, excluded: 1, reserve: 1, promotedFromReserve: 0 });
    expect(lombardia.open).toEqual({ calls: 1, places: 3, placesFilled: 0, applicants: 0, excluded: 0, reserve: 0, promotedFromReserve: 0 });
    expect((await service.calls(later, { provinceCode: '001' })).closed).toEqual({ calls: 1, places: 2, placesFilled: 2, applicants: 3, excluded: 0, reserve: 0, promotedFromReserve: 1 });
    expect((await service.calls(later, { atecoSection: 'C' })).closed.applicants).toBe(2);

    // The category keeps the calls giving an offer in it; the period, those whose window overlaps it.
    const delivery = await service.calls(later, { category: ServiceCategory.HOME_DELIVERY });
    expect([delivery.open.calls, delivery.closed.calls, delivery.calls.map((c) => c.callId)]).toEqual([1, 0, [openCallId]]);
    const afterClosing = await service.calls(later, { from: at(2 * DAY_MS), to: at(3 * DAY_MS) });
    expect(afterClosing.calls.map((c) => c.callId)).toEqual([openCallId]);
    const beforeAny = await service.calls(later, { to: at(-2 * DAY_MS) });
    expect(beforeAny.calls).toEqual([]);

    await expect(service.calls(actingAs(provider.owner, now), {})).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
  }, 120_000);
});
