import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import { seedOffer, seedProvider, seedUser } from '../testing/seed';
import { createScratchDatabase } from '../testing/test-database';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { CapacityService } from './capacity.service';
import type { MonitoringFilter } from './monitoring.commands';
import { MonitoringService } from './monitoring.service';
import { BreakdownDimension } from './monitoring.types';

const DAY = 86_400_000;
const ALL = { first: 100, offset: 0 };

describe('the offers and places on offer, the same in every panel of the dashboard (a database of its own)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let staff: ReturnType<typeof actingAs>;
  const now = new Date();
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY);
  /** Offer id → capacity of the offers that count, by the test's own reading of each one's state. */
  const counted = new Map<string, number>();
  let endedLastMonth: string;
  let endedToday: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    const db = core.db;
    staff = actingAs(await seedUser(db, UserRole.MINISTRY), now);
    const approved = await seedProvider(db, 'APPROVED');
    counted.set(await seedOffer(db, approved.id, { capacity: 10 }), 10);
    counted.set(await seedOffer(db, approved.id, { capacity: 5, validUntil: null }), 5);
    // Not counted: paused, suspended or closed by staff or provider, or its validity over (still PUBLISHED in the table).
    await seedOffer(db, approved.id, { capacity: 20, status: 'PAUSED' });
    await seedOffer(db, approved.id, { capacity: 30, status: 'SUSPENDED' });
    await seedOffer(db, approved.id, { capacity: 40, status: 'CLOSED' });
    endedToday = await seedOffer(db, approved.id, { capacity: 50, validUntil: ago(0.5) });
    // Published two months ago, its validity ended twenty days ago: on offer last month, not now.
    endedLastMonth = await seedOffer(db, approved.id, { capacity: 8 });
    await db.query(`UPDATE offer SET valid_from = $2, published_at = $2, valid_until = $3 WHERE id = $1`, [endedLastMonth, ago(60), ago(20)]);
    // Nor the published offers of a provider not (or no longer) approved: no shop sees them.
    for (const status of ['PENDING', 'REJECTED', 'SUSPENDED'] as const) {
      const provider = await seedProvider(db, status);
      await seedOffer(db, provider.id, { capacity: 100 });
    }
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  /** The offers and places each panel counts for the filter. */
  async function figures(filter: MonitoringFilter) {
    const capacity = core.app.get(CapacityService);
    const monitoring = core.app.get(MonitoringService);
    const [kpis, offers, providers, categories] = await Promise.all([
      monitoring.kpis(staff, filter),
      capacity.byOffer(staff, filter, {}, ALL),
      capacity.byProvider(staff, filter, ALL),
      monitoring.breakdown(staff, filter, BreakdownDimension.CATEGORY),
    ]);
    const store = categories.find((row) => row.code === ServiceCategory.ONLINE_STORE);
    return {
      headline: [kpis.offersPublished, kpis.capacityTotal],
      byOffer: offers.items.map((o) => o.offerId).sort(),
      byProvider: providers.items.map((p) => [p.offers, p.capacity]),
      byCategory: [store?.offers, store?.capacity],
    };
  }
  const expected = (offers: Map<string, number>) => {
    const places = [...offers.values()].reduce((sum, n) => sum + n, 0);
    return { headline: [offers.size, places], byOffer: [...offers.keys()].sort(), byProvider: offers.size ? [[offers.size, places]] : [], byCategory: [offers.size, places] };
  };

  it('counts in the capacity panel, by offer and by provider, the offers and places of the headline figures', async () => {
    expect(await figures({})).toEqual(expected(counted));
  });

  it('counts, for a period, the offers on offer during it: published before its end, their validity not ended before its start', async () => {
    // The offer whose validity ended this morning was on offer during the last week.
    const lastWeek = { from: ago(7), to: new Date(now.getTime() + DAY) };
    const lastWeekOffers = new Map([...counted, [endedToday, 50]]);
    expect(await figures(lastWeek)).toEqual(expected(lastWeekOffers));
    expect(await figures({ from: ago(30), to: ago(10) })).toEqual(expected(new Map([[endedLastMonth, 8]])));
    // Until two days ago, before the others were published: only the one on offer then.
    expect(await figures({ to: ago(2) })).toEqual(expected(new Map([[endedLastMonth, 8]])));
    expect(await figures({ from: ago(90), to: ago(70) })).toEqual(expected(new Map()));
    // The tables by place count the same offers as the headline figures.
    const [piemonte] = await core.app.get(MonitoringService).breakdown(staff, { regionCode: '01', ...lastWeek }, BreakdownDimension.REGION);
    expect([piemonte.offers, piemonte.capacity]).toEqual(expected(lastWeekOffers).headline);
    // Places about to disappear are on offers still valid now: the one that ended this morning has gone already.
    const endingSoon = await core.app.get(CapacityService).byOffer(staff, lastWeek, { endingWithinDays: 30 }, { first: 50, offset: 0 });
    expect(endingSoon.items.map((row) => row.offerId)).not.toContain(endedToday);
  });
});
