import { ServiceCategory } from '@vec/matching';
import { distanceKm, loadItalianTerritory } from '@vec/territory';
import { UserRole } from '../auth/user-role';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { MatchState } from '../match/match.types';
import { VerificationStatus } from '../provider/provider.types';
import { createScratchDatabase } from '../testing/test-database';
import { seedOffer, seedProvider, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { CapacityService } from './capacity.service';
import { BreakdownDimension, TimeBucket } from './monitoring.types';
import { DAY, OFFERS, REQUESTS, seedMonitoringFixture, SeededFixture, SHOPS } from '../testing/monitoring-fixture';
import { MonitoringService } from './monitoring.service';
import { OpenDataService } from './open-data.service';
import { UnmetDemandService } from './unmet-demand.service';

/** Expected figures are worked out from the fixture's spec here, never with the service's SQL. */
const SLOT = ['PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED'];
const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});
/** Every status of the enum, in its order, with zero where the fixture has none: the figures list them all. */
const everyStatus = (statuses: Record<string, string>, counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.values(statuses).map((status) => [status, counts[status] ?? 0]));
const requestCounts = (requests: typeof REQUESTS): Record<string, number> => everyStatus(HelpRequestStatus, countBy(requests, (r) => r.status));
const providerCounts = (counts: Record<string, number>): Record<string, number> => everyStatus(VerificationStatus, counts);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const shopOf = (key: string) => SHOPS.find((s) => s.key === key)!;
const romeDay = (date: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(date);

function expectedKpis(requests = REQUESTS, offers = OFFERS) {
  const matches = requests.flatMap((r) => (r.match ? [{ ...r.match, request: r }] : []));
  const live = requests.filter((r) => r.status !== 'CANCELLED');
  const accepted = matches.filter((m) => m.acceptedDaysAgo !== undefined);
  const completed = matches.filter((m) => m.state === 'COMPLETED');
  const surveyed = completed.filter((m) => m.survey);
  return {
    requestsByStatus: requestCounts(requests),
    matchesByState: everyStatus(MatchState, countBy(matches, (m) => m.state)),
    matchRate: live.filter((r) => r.match && SLOT.includes(r.match.state)).length / live.length,
    medianHoursToAcceptance: median(accepted.map((m) => (m.request.createdDaysAgo - (m.acceptedDaysAgo as number)) * 24)),
    activationRate: accepted.filter((m) => m.activatedDaysAgo !== undefined).length / accepted.length,
    completedMatches: completed.length,
    surveyedCompletions: surveyed.length,
    onlineOrdersShare: surveyed.filter((m) => m.survey?.gotOnlineOrders).length / surveyed.length,
    offersPublished: offers.length,
    capacityTotal: offers.reduce((sum, o) => sum + o.capacity, 0),
    capacityUsed: matches.filter((m) => SLOT.includes(m.state) && offers.some((o) => o.key === m.offer)).length,
  };
}

describe('monitoring figures against a seeded programme (a database of their own)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let fixture: SeededFixture;
  let staff: ReturnType<typeof actingAs>;
  const now = new Date();

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    fixture = await seedMonitoringFixture(core.db, now);
    staff = actingAs(await seedUser(core.db, UserRole.MINISTRY), now);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  it('computes every headline figure of the whole programme', async () => {
    const kpis = await core.app.get(MonitoringService).kpis(staff, {});
    const expected = expectedKpis();
    expect(kpis).toMatchObject({
      shopsRegistered: SHOPS.length,
      providersByStatus: providerCounts({ APPROVED: 1, PENDING: 1, REJECTED: 1 }),
      ...expected,
      medianHoursToAcceptance: expect.closeTo(expected.medianHoursToAcceptance, 6),
      matchRate: expect.closeTo(expected.matchRate, 9),
      activationRate: expect.closeTo(expected.activationRate, 9),
    });
  });

  it('counts only the providers whose offers reach the place chosen', async () => {
    const service = core.app.get(MonitoringService);
    // Lazio: only the national offer's provider. Lombardia: its draft places the pending provider there too.
    expect((await service.kpis(staff, { regionCode: '12' })).providersByStatus).toEqual(providerCounts({ APPROVED: 1 }));
    expect((await service.kpis(staff, { regionCode: '03' })).providersByStatus).toEqual(providerCounts({ APPROVED: 1, PENDING: 1 }));
    expect((await service.kpis(staff, { provinceCode: '015' })).providersByStatus).toEqual(providerCounts({ APPROVED: 1, PENDING: 1 }));
    expect((await service.kpis(staff, { category: ServiceCategory.CYBERSECURITY })).providersByStatus).toEqual(providerCounts({ APPROVED: 1 }));
  });

  it('reports outcomes per checkpoint: answers, the share with online orders and the median orders', async () => {
    const answers = REQUESTS.flatMap((r) => [
      ...(r.match?.survey ? [{ checkpoint: 'COMPLETION', ...r.match.survey, answeredDaysAgo: 0, shop: r.shop }] : []),
      ...(r.match?.laterSurveys ?? []).map((a) => ({ ...a, shop: r.shop })),
    ]);
    const expected = (among: typeof answers) =>
      ['COMPLETION', 'DAY_30', 'DAY_90'].map((checkpoint) => {
        const at = among.filter((a) => a.checkpoint === checkpoint);
        const withOrders = at.filter((a) => a.gotOnlineOrders);
        return {
          checkpoint,
          answers: at.length,
          withOnlineOrders: withOrders.length,
          onlineOrdersShare: at.length ? withOrders.length / at.length : null,
          medianOrders: withOrders.length ? median(withOrders.map((a) => a.approximateOrders)) : null,
        };
      });
    const service = core.app.get(MonitoringService);
    expect((await service.kpis(staff, {})).outcomes).toEqual(expected(answers));
    // Piemonte, answered in the last week.
    const piemonte = SHOPS.filter((s) => s.region === '01').map((s) => s.key);
    const lastWeek = await service.kpis(staff, { regionCode: '01', from: new Date(now.getTime() - 7 * DAY), to: new Date(now.getTime() + DAY) });
    expect(lastWeek.outcomes).toEqual(expected(answers.filter((a) => piemonte.includes(a.shop) && a.answeredDaysAgo < 7)));
    expect(lastWeek.outcomes.find((o) => o.checkpoint === 'DAY_30')).toMatchObject({ answers: 1, medianOrders: 6 });
  });

  it('narrows every figure to a region: its shops, their requests and matches, the offers reaching it', async () => {
    const piemonte = SHOPS.filter((s) => s.region === '01').map((s) => s.key);
    const requests = REQUESTS.filter((r) => piemonte.includes(r.shop));
    const offers = OFFERS.filter((o) => o.national || o.comuni?.some((c) => c.startsWith('001')) || o.regions?.includes('01') || o.radius?.comune.startsWith('001'));
    const expected = expectedKpis(requests, offers);
    // Capacity used counts every slot of those offers, from any region.
    const used = REQUESTS.filter((r) => r.match && SLOT.includes(r.match.state) && offers.some((o) => o.key === r.match?.offer)).length;
    const kpis = await core.app.get(MonitoringService).kpis(staff, { regionCode: '01' });
    expect(kpis).toMatchObject({ shopsRegistered: piemonte.length, requestsByStatus: expected.requestsByStatus, matchesByState: expected.matchesByState, offersPublished: offers.length, capacityUsed: used });
  });

  it('narrows to a category and an ATECO section, and to a period', async () => {
    const service = core.app.get(MonitoringService);
    const delivery = await service.kpis(staff, { category: REQUESTS[6].category });
    expect(delivery.requestsByStatus).toEqual(requestCounts(REQUESTS.filter((r) => r.category === REQUESTS[6].category)));
    const sectionI = await service.kpis(staff, { atecoSection: 'I' });
    expect(sectionI.shopsRegistered).toBe(SHOPS.filter((s) => s.section === 'I').length);
    const lastWeek = await service.kpis(staff, { from: new Date(now.getTime() - 7 * DAY), to: now });
    expect(lastWeek.requestsByStatus).toEqual(requestCounts(REQUESTS.filter((r) => r.createdDaysAgo < 7)));
    // A status no request of the period is in is listed with zero, not left out.
    expect(Object.values(lastWeek.requestsByStatus)).toContain(0);
    expect(lastWeek.shopsRegistered).toBe(0);
  });

  it('breaks the figures down by region and province, with codes and names', async () => {
    const service = core.app.get(MonitoringService);
    const regions = await service.breakdown(staff, {}, BreakdownDimension.REGION);
    for (const code of ['01', '02', '03', '12']) {
      const mine = REQUESTS.filter((r) => shopOf(r.shop).region === code && r.status !== 'CANCELLED');
      const row = regions.find((r) => r.code === code);
      expect(row).toMatchObject({ requests: mine.length, matchedRequests: mine.filter((r) => r.match && SLOT.includes(r.match.state)).length, shops: SHOPS.filter((s) => s.region === code).length });
      // Places used: those the region's own shops took, on whichever offer (a national one's count where they were taken).
      const taken = REQUESTS.filter((r) => shopOf(r.shop).region === code && r.match && SLOT.includes(r.match.state)).length;
      expect([code, row?.used]).toEqual([code, taken]);
    }
    expect(regions.find((r) => r.code === '09')?.used).toBe(0);
    expect(regions.find((r) => r.code === '02')?.name).toBe('Valle d’Aosta/Vallée d’Aoste'.replace(/’/g, "'"));
    // The national offer reaches all 20 regions; Lombardia also has its regional one and a circle.
    expect(regions).toHaveLength(20);
    expect(regions.find((r) => r.code === '03')?.offers).toBe(3);
    expect(regions.find((r) => r.code === '09')).toMatchObject({ offers: 1, requests: 0 });
    const provinces = await service.breakdown(staff, { regionCode: '03' }, BreakdownDimension.PROVINCE);
    // Every province of the region is a row, those where nothing happened too: they are the gaps.
    expect(provinces.map((p) => p.code)).toEqual(['012', '013', '014', '015', '016', '017', '018', '019', '020', '097', '098', '108']);
    expect(provinces.find((p) => p.code === '015')).toMatchObject({ name: 'Milano', requests: REQUESTS.filter((r) => shopOf(r.shop).province === '015' && r.status !== 'CANCELLED').length });
  });

  it('counts a circle in every province it reaches, not only its centre’s', async () => {
    // O4 is a circle of 20 km around Milano: worked out here from the comuni's centres, not with the SQL.
    const o4 = OFFERS.find((o) => o.key === 'O4')!;
    const { comuni } = loadItalianTerritory();
    const centre = comuni.find((c) => c.code === o4.radius!.comune)!;
    const reached = [...new Set(comuni.filter((c) => c.code === centre.code || distanceKm(c, centre) <= o4.radius!.km).map((c) => c.provinceCode))].sort();
    expect(reached.length).toBeGreaterThan(1);
    expect(reached).toContain('108'); // Monza e Brianza
    const service = core.app.get(MonitoringService);
    const provinces = await service.breakdown(staff, { regionCode: '03' }, BreakdownDimension.PROVINCE);
    // Lombardia's provinces: the national and the regional offer everywhere, and the circle where it reaches.
    expect(provinces.map((p) => [p.code, p.offers])).toEqual(provinces.map((p) => [p.code, reached.includes(p.code) ? 3 : 2]));
    for (const provinceCode of reached) {
      const kpis = await service.kpis(staff, { provinceCode, category: ServiceCategory.CYBERSECURITY });
      expect([provinceCode, kpis.offersPublished]).toEqual([provinceCode, OFFERS.filter((o) => o.categories.includes(ServiceCategory.CYBERSECURITY) && (o.national || o.regions?.includes('03') || o.key === 'O4')).length]);
    }
    const openData = await core.app.get(OpenDataService).aggregates(actingAs({ userId: 'x', role: UserRole.SHOP }, now));
    const monza = openData.rows.find((r) => r.provinceCode === '108' && r.category === ServiceCategory.CYBERSECURITY);
    expect(monza?.offersCovering).toBeGreaterThanOrEqual(1);
  });

  it('breaks down by category and by sector', async () => {
    const service = core.app.get(MonitoringService);
    const categories = await service.breakdown(staff, {}, BreakdownDimension.CATEGORY);
    const store = categories.find((c) => c.code === 'ONLINE_STORE');
    expect(store).toMatchObject({ name: 'Negozio online', requests: REQUESTS.filter((r) => r.category === 'ONLINE_STORE' && r.status !== 'CANCELLED').length, offers: 2 });
    expect(categories.map((c) => c.code).sort()).toEqual(Object.values(ServiceCategory).sort());
    expect((await service.breakdown(staff, {}, BreakdownDimension.SECTOR)).map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUV');
    const sectors = await service.breakdown(staff, { atecoSection: 'G' }, BreakdownDimension.SECTOR);
    expect(sectors.map((s) => s.code)).toEqual(['G']);
    expect(sectors[0].shops).toBe(SHOPS.filter((s) => s.section === 'G').length);
  });

  it('counts requests, matches and activations per Italian day', async () => {
    const series = await core.app.get(MonitoringService).timeSeries(staff, { from: new Date(now.getTime() - 30 * DAY - 3_600_000), to: now }, TimeBucket.DAY);
    const byDay = new Map(series.map((p) => [romeDay(p.start), p]));
    const ago = (days: number): string => romeDay(new Date(now.getTime() - days * DAY));
    const expectedRequests = countBy(REQUESTS, (r) => ago(r.createdDaysAgo));
    const expectedActivations = countBy(REQUESTS.filter((r) => r.match?.activatedDaysAgo !== undefined), (r) => ago(r.match?.activatedDaysAgo as number));
    for (const [day, n] of Object.entries(expectedRequests)) expect(byDay.get(day)?.requests).toBe(n);
    for (const [day, n] of Object.entries(expectedActivations)) expect(byDay.get(day)?.activations).toBe(n);
    expect(series.reduce((sum, p) => sum + p.matches, 0)).toBe(REQUESTS.filter((r) => r.match).length);
  });

  it('lists unmet demand by province and category: no offer at all, only full ones, only refused ones', async () => {
    const page = await core.app.get(UnmetDemandService).list(staff, {}, { first: 50, offset: 0 });
    expect(page.items.map((r) => [r.provinceCode, r.category, r.coverageGap, r.capacityGap, r.refusedGap])).toEqual([
      ['001', 'CYBERSECURITY', 1, 0, 0],
      ['001', 'ONLINE_STORE', 0, 1, 0],
      // M1's request was declined by O2, the only offer reaching it: no offer can take it, as an allocation run would say,
      // but an offer does cover it, so providers are not missing for lack of coverage.
      ['015', 'HOME_DELIVERY', 0, 0, 1],
      ['015', 'ONLINE_STORE', 0, 1, 0],
      ['007', 'SOCIAL_MARKETING', 1, 0, 0],
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.items[0]).toMatchObject({ provinceName: 'Torino', regionName: 'Piemonte' });
    expect(romeDay(page.items[0].oldestWaitingSince)).toBe(romeDay(new Date(now.getTime() - 12 * DAY)));
    const lombardia = await core.app.get(UnmetDemandService).list(staff, { regionCode: '03' }, { first: 50, offset: 0 });
    expect(lombardia.items.map((r) => r.provinceCode)).toEqual(['015', '015']);
  });

  it('burns capacity down per offer and per provider, and finds offers ending soon', async () => {
    const capacity = core.app.get(CapacityService);
    const offers = await capacity.byOffer(staff, {}, {}, { first: 50, offset: 0 });
    const o1 = offers.items.find((o) => o.offerId === fixture.offerIds.get('O1'));
    expect(o1).toMatchObject({ capacity: 2, held: 0, active: 1, completed: 1, remaining: 0, waitlist: 0, validityEndsInDays: 10 });
    const o3 = offers.items.find((o) => o.offerId === fixture.offerIds.get('O3'));
    expect(o3).toMatchObject({ capacity: 1, held: 1, remaining: 0, waitlist: 1 });
    const soon = await capacity.byOffer(staff, {}, { endingWithinDays: 30 }, { first: 50, offset: 0 });
    expect(soon.items.map((o) => o.offerId)).toEqual([fixture.offerIds.get('O1')]);
    expect(offers.items.find((o) => o.offerId === fixture.offerIds.get('O4'))).toMatchObject({ capacity: 1, remaining: 1 });
    const providers = await capacity.byProvider(staff, {}, { first: 50, offset: 0 });
    expect(providers.items).toEqual([
      expect.objectContaining({ providerId: fixture.providerId, offers: 4, capacity: 6, remaining: 1, held: 1, accepted: 1, active: 1, completed: 2, waitlist: 1 }),
    ]);
  });

  it('publishes open data by province and category with counts only', async () => {
    const { rows } = await core.app.get(OpenDataService).aggregates(actingAs({ userId: 'x', role: UserRole.SHOP }, now));
    const torinoStore = rows.find((r) => r.provinceCode === '001' && r.category === 'ONLINE_STORE');
    expect(torinoStore).toMatchObject({
      provinceSigla: 'TO',
      requests: 3,
      openRequests: 1,
      matchedRequests: 2,
      activeMatches: 1,
      completedMatches: 1,
      answersAtCompletion: 1,
      // One or two answers: what they said would be a shop's own answer, so it is not published.
      onlineOrdersAtCompletion: null,
      medianOrdersAtCompletion: null,
      answersAt30Days: 2,
      onlineOrdersAt30Days: null,
      medianOrdersAt30Days: null,
      answersAt90Days: 0,
      onlineOrdersAt90Days: 0,
      offersCovering: 1,
      capacityCovering: 2,
    });
    const text = JSON.stringify(rows);
    for (const personal of ['Negozio di prova', 'negozio@example.it', 'Via Roma', 'Fornitore di prova']) expect(text).not.toContain(personal);
    expect(Object.keys(torinoStore ?? {}).some((key) => /name|email|iva|address/i.test(key) && !/(region|province)Name/.test(key))).toBe(false);
  });

  it('refuses unknown places, a province outside the region, and people who are not staff', async () => {
    const service = core.app.get(MonitoringService);
    await expect(service.kpis(staff, { provinceCode: '999' })).rejects.toMatchObject({ code: 'PROVINCE_NOT_FOUND', field: 'filter.provinceCode' });
    await expect(service.kpis(staff, { regionCode: '01', provinceCode: '015' })).rejects.toMatchObject({ code: 'PROVINCE_OUTSIDE_REGION', field: 'filter.provinceCode' });
    const shop = actingAs(await seedUser(core.db, UserRole.SHOP), now);
    await expect(service.kpis(shop, {})).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  // Last: it adds providers to the programme the tests above count.
  it('lists providers by the share of their places left, smallest first, as it lists offers', async () => {
    const nearlyFull = await seedProvider(core.db);
    await core.db.query(`UPDATE offer SET used = 63 WHERE id = $1`, [await seedOffer(core.db, nearlyFull.id, { capacity: 100 })]);
    const untouchedSmall = await seedProvider(core.db);
    await seedOffer(core.db, untouchedSmall.id, { capacity: 3 });
    const untouchedLarge = await seedProvider(core.db);
    await seedOffer(core.db, untouchedLarge.id, { capacity: 55 });
    const ids = (await core.app.get(CapacityService).byProvider(staff, {}, { first: 50, offset: 0 })).items.map((row) => row.providerId);
    // The fixture's provider has 1 of 6 left; then 37 of 100; then the two with every place free, the fewer first.
    expect(ids).toEqual([fixture.providerId, nearlyFull.id, untouchedSmall.id, untouchedLarge.id]);
  });

  it('counts among the offers and places on offer only offers whose validity has not ended, and narrows them to the sector chosen', async () => {
    const service = core.app.get(MonitoringService);
    const openData = core.app.get(OpenDataService);
    const measure = async (): Promise<number[][]> => {
      const [all, sectionC, sectionI, figures] = await Promise.all([
        service.kpis(staff, {}),
        service.kpis(staff, { atecoSection: 'C' }),
        service.kpis(staff, { atecoSection: 'I' }),
        openData.figures(staff),
      ]);
      return [...[all, sectionC, sectionI].map((k) => [k.offersPublished, k.capacityTotal]), [figures.publishedOffers, figures.capacity]];
    };
    const before = await measure();
    const provider = await seedProvider(core.db);
    // Ended this morning, never closed by its provider: still PUBLISHED in the table.
    await seedOffer(core.db, provider.id, { capacity: 40, validUntil: new Date(Date.now() - DAY / 2) });
    // Open to manufacturing (section C) only.
    const manufacturing = await seedOffer(core.db, provider.id, { capacity: 7 });
    await core.db.query(`UPDATE offer SET all_sectors = false, eligible_sections = '{C}' WHERE id = $1`, [manufacturing]);
    expect(await measure()).toEqual([
      [before[0][0] + 1, before[0][1] + 7],
      [before[1][0] + 1, before[1][1] + 7],
      before[2],
      [before[3][0] + 1, before[3][1] + 7],
    ]);
  });
});
