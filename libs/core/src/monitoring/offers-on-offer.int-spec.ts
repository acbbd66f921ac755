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
    await seedOffer(db, approved.id, { capacity: 50, validUntil: ago(0.5) });
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

  it('counts in the capacity panel, by offer and by provider, the offers and places of the headline figures', async () => {
    const capacity = core.app.get(CapacityService);
    const filter: MonitoringFilter = {};
    const [kpis, offers, providers] = await Promise.all([
      core.app.get(MonitoringService).kpis(staff, filter),
      capacity.byOffer(staff, filter, {}, ALL),
      capacity.byProvider(staff, filter, ALL),
    ]);
    const places = [...counted.values()].reduce((sum, n) => sum + n, 0);
    expect([kpis.offersPublished, kpis.capacityTotal]).toEqual([counted.size, places]);
    expect(offers.items.map((o) => o.offerId).sort()).toEqual([...counted.keys()].sort());
    expect(providers.items.map((p) => [p.offers, p.capacity])).toEqual([[counted.size, places]]);
    const national = await core.app.get(MonitoringService).breakdown(staff, filter, BreakdownDimension.CATEGORY);
    expect(national.find((row) => row.code === ServiceCategory.ONLINE_STORE)).toMatchObject({ offers: counted.size, capacity: places });
  });
});
