import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { DAY, seedMonitoringFixture } from '../testing/monitoring-fixture';
import { seedRequest, seedShops, seedUser } from '../testing/seed';
import { createScratchDatabase } from '../testing/test-database';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { SNAPSHOT_MAX_AGE_MS } from './monitoring-snapshot';
import type { MonitoringFilter } from './monitoring.commands';
import { OpenDataService } from './open-data.service';
import { UnmetDemandService } from './unmet-demand.service';

const MINUTE = 60_000;
const ALL = { first: 100, offset: 0 };
/** Every kind of filter the dashboard sends, alone and combined. */
const FILTERS: MonitoringFilter[] = [
  {},
  { regionCode: '01' },
  { regionCode: '03' },
  { provinceCode: '001' },
  { category: ServiceCategory.CYBERSECURITY },
  { atecoSection: 'G' },
  { regionCode: '01', category: ServiceCategory.ONLINE_STORE },
];

describe('monitoring snapshots: unmet demand and open data as last computed (a database of their own)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let staff: (at: Date) => RequestContext;
  const now = new Date();

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    await seedMonitoringFixture(core.db, now);
    const actor = await seedUser(core.db, UserRole.MINISTRY);
    staff = (at) => actingAs(actor, at);
  });

  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  it('gives, under every filter and period, exactly what judging the live requests gives, and says when it was computed', async () => {
    const unmet = core.app.get(UnmetDemandService);
    const computedAt = await unmet.refresh(staff(now));
    const later = staff(new Date(now.getTime() + MINUTE));
    const periods = [{}, { from: new Date(now.getTime() - 7 * DAY) }, { from: new Date(now.getTime() - 30 * DAY), to: new Date(now.getTime() - 2 * DAY) }];
    let rowsSeen = 0;
    for (const filter of FILTERS) {
      for (const period of periods) {
        const snapshot = await unmet.list(later, { ...filter, ...period }, ALL);
        const live = await unmet.listLive(staff(now), { ...filter, ...period }, ALL);
        expect(snapshot.computedAt).toEqual(computedAt);
        expect({ items: snapshot.items, totalCount: snapshot.totalCount }).toEqual({ items: live.items, totalCount: live.totalCount });
        rowsSeen += snapshot.items.length;
      }
    }
    // The comparison covered real gaps, not only empty pages.
    expect(rowsSeen).toBeGreaterThan(10);
    const paged = await unmet.list(later, {}, { first: 2, offset: 1 });
    expect(paged.items).toEqual((await unmet.listLive(staff(now), {}, ALL)).items.slice(1, 3));
  });

  it('keeps showing the last computed figures, with their time, until the next refresh, which catches up', async () => {
    const unmet = core.app.get(UnmetDemandService);
    const computedAt = await unmet.refresh(staff(now));
    const before = await unmet.list(staff(now), {}, ALL);
    // A new request nobody serves: Aosta, a category no offer there has.
    const [shop] = await seedShops(core.db, 1, { comuneCode: '007003', section: 'G', division: '47' });
    await seedRequest(core.db, shop.id, ServiceCategory.CONNECTIVITY, new Date(now.getTime() - MINUTE));
    const stale = await unmet.list(staff(new Date(now.getTime() + 5 * MINUTE)), {}, ALL);
    expect(stale).toEqual(before);
    expect(stale.computedAt).toEqual(computedAt);
    const live = await unmet.listLive(staff(now), {}, ALL);
    expect(live.items).toContainEqual(expect.objectContaining({ provinceCode: '007', category: ServiceCategory.CONNECTIVITY, coverageGap: 1 }));
    // The worker's next refresh, or a reader after the longest staleness allowed, brings it in.
    const readLate = staff(new Date(now.getTime() + SNAPSHOT_MAX_AGE_MS + MINUTE));
    const caughtUp = await unmet.list(readLate, {}, ALL);
    expect(caughtUp.computedAt).toEqual(readLate.now);
    expect(caughtUp.items).toEqual((await unmet.listLive(readLate, {}, ALL)).items);
    await core.db.query(`UPDATE help_request SET status = 'CANCELLED', cancelled_at = now() WHERE shop_id = $1`, [shop.id]);
  });

  it('computes an old snapshot once for readers arriving together', async () => {
    const unmet = core.app.get(UnmetDemandService);
    await unmet.refresh(staff(now));
    const late = now.getTime() + SNAPSHOT_MAX_AGE_MS;
    const [a, b] = await Promise.all([unmet.list(staff(new Date(late + MINUTE)), {}, ALL), unmet.list(staff(new Date(late + 2 * MINUTE)), {}, ALL)]);
    // Whichever took the lock first computed it; the other found it fresh and kept it.
    expect(a.computedAt).toEqual(b.computedAt);
    expect([late + MINUTE, late + 2 * MINUTE]).toContain(a.computedAt.getTime());
  });

  it('publishes open data as computed by the last refresh, with its time', async () => {
    const openData = core.app.get(OpenDataService);
    const first = await openData.refresh(staff(now));
    const read = await openData.aggregates(actingAs({ userId: 'x', role: UserRole.SHOP }, new Date(now.getTime() + MINUTE)));
    expect(read.computedAt).toEqual(first.computedAt);
    expect(read.rows).toEqual(first.rows);
    expect(read.rows.find((r) => r.provinceCode === '001' && r.category === 'ONLINE_STORE')).toMatchObject({ requests: 3, openRequests: 1 });
    // A new request shows after the next refresh only.
    const [shop] = await seedShops(core.db, 1, { comuneCode: '001272', section: 'G', division: '47' });
    await seedRequest(core.db, shop.id, ServiceCategory.ONLINE_STORE, now);
    const refreshed = await openData.refresh(staff(new Date(now.getTime() + 2 * MINUTE)));
    expect(refreshed.rows.find((r) => r.provinceCode === '001' && r.category === 'ONLINE_STORE')).toMatchObject({ requests: 4, openRequests: 2 });
  });
});
