import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/request-context';
import { seedOffer, seedProvider, seedShops, seedUser, type SeededProvider } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { BundleCounts, BundlesMonitoringService } from './bundles-monitoring.service';
import type { MonitoringFilter } from './monitoring.commands';

const DAY_MS = 86_400_000;
const [TORINO, MILANO] = ['001272', '015146'];
const { ONLINE_STORE: STORE, DIGITAL_PAYMENTS: PAY, HOME_DELIVERY: DELIVERY, WEBSITE, SOCIAL_MARKETING: SOCIAL } = ServiceCategory;
/** What became of a part: its request's status and, if any, its match's state. */
type Part = [ServiceCategory, { status?: 'OPEN' | 'MATCHED' | 'FULFILLED' | 'CANCELLED'; match?: string }];

const counts = (asked: number, complete: number, partial: number, notServed: number, withdrawn: number): BundleCounts => ({ asked, complete, partial, notServed, withdrawn });

/** A bundle asked at `at` by the shop, its parts in the order given, each request and match as told. */
async function seedBundle(db: DataSource, providerId: string, at: Date, shopId: string, parts: Part[]): Promise<void> {
  const [row] = await db.query(`INSERT INTO help_request_bundle (shop_id, categories, created_at) VALUES ($1, $2::service_category[], $3) RETURNING id`, [
    shopId,
    parts.map(([category]) => category),
    at,
  ]);
  for (const [category, { status = 'OPEN', match }] of parts) {
    const [request] = await db.query(
      `INSERT INTO help_request (shop_id, category, description, bundle_id, status, created_at, cancelled_at) VALUES ($1, $2, 'Vendere online.', $3, $4, $5, $6) RETURNING id`,
      [shopId, category, row.id, status, at, status === 'CANCELLED' ? new Date(at.getTime() + DAY_MS / 2) : null],
    );
    if (!match) continue;
    const offerId = await seedOffer(db, providerId, { categories: [category] });
    await db.query(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by, accepted_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'APPLICATION', 'NATIONAL', 0, $7, $8, $8)`,
      [request.id, offerId, shopId, providerId, category, match, new Date(Date.now() + 3 * DAY_MS), new Date(at.getTime() + DAY_MS / 2)],
    );
  }
}

// Its own database: the figures are national.
describe('bundles on the ministry dashboard: complete sets, partial, not served, withdrawn, combinations (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let staff: Actor;
  let provider: SeededProvider;
  const now = new Date();
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY_MS);

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    staff = await seedUser(core.db, UserRole.MINISTRY);
    provider = await seedProvider(core.db);
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const bundle = (shopId: string, days: number, parts: Part[]): Promise<void> => seedBundle(core.db, provider.id, ago(days), shopId, parts);

  beforeAll(async () => {
    const [t1, t2, t3] = await seedShops(core.db, 3, { comuneCode: TORINO });
    const [m1] = await seedShops(core.db, 1, { comuneCode: MILANO, section: 'C', division: '10' });
    const [m2] = await seedShops(core.db, 1, { comuneCode: MILANO });
    // Complete: every part accepted, active or completed (asked in another order than the platform's).
    await bundle(t1.id, 2, [[DELIVERY, { status: 'MATCHED', match: 'ACCEPTED' }], [STORE, { status: 'MATCHED', match: 'ACTIVE' }], [PAY, { status: 'FULFILLED', match: 'COMPLETED' }]]);
    // Partial: one part active; a match still awaiting the provider's answer does not serve its part.
    await bundle(t2.id, 5, [[STORE, { status: 'MATCHED', match: 'ACTIVE' }], [DELIVERY, { status: 'MATCHED', match: 'PENDING' }], [PAY, {}]]);
    // Not served: a declined match, and a part waiting.
    await bundle(m1.id, 3, [[STORE, { match: 'DECLINED' }], [PAY, {}]]);
    // Withdrawn: the shop cancelled every part.
    await bundle(m2.id, 40, [[WEBSITE, { status: 'CANCELLED', match: 'WITHDRAWN' }], [SOCIAL, { status: 'CANCELLED' }]]);
    // Complete, a store and payments.
    await bundle(t3.id, 1, [[STORE, { status: 'FULFILLED', match: 'COMPLETED' }], [PAY, { status: 'MATCHED', match: 'ACCEPTED' }]]);
    // A request outside any bundle counts nowhere here.
    const [lone] = await core.db.query(`INSERT INTO help_request (shop_id, category, description, status) VALUES ($1, 'WEBSITE', 'Un sito.', 'MATCHED') RETURNING id`, [t3.id]);
    const offerId = await seedOffer(core.db, provider.id, { categories: [WEBSITE] });
    await core.db.query(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by, accepted_at)
       VALUES ($1, $2, $3, $4, 'WEBSITE', 'ACCEPTED', 'APPLICATION', 'NATIONAL', 0, now(), now())`,
      [lone.id, offerId, t3.id, provider.id],
    );
  }, 60_000);

  const figures = (filter: MonitoringFilter) => core.app.get(BundlesMonitoringService).bundles(actingAs(staff, now), filter);

  it('counts every bundle in exactly one state, the average parts and the combinations most asked', async () => {
    const all = await figures({});
    expect(all).toEqual({
      ...counts(5, 2, 1, 1, 1),
      averageParts: 12 / 5,
      combinationCount: 3,
      combinations: [
        // Two each: ties in the platform's order of services, as is each combination.
        { categories: [STORE, DELIVERY, PAY], ...counts(2, 1, 1, 0, 0) },
        { categories: [STORE, PAY], ...counts(2, 1, 0, 1, 0) },
        { categories: [WEBSITE, SOCIAL], ...counts(1, 0, 0, 0, 1) },
      ],
    });
  });

  it.each<[string, MonitoringFilter, BundleCounts, number | null, ServiceCategory[][]]>([
    ['a region (Piemonte)', { regionCode: '01' }, counts(3, 2, 1, 0, 0), 8 / 3, [[STORE, DELIVERY, PAY], [STORE, PAY]]],
    ['a province (Milano)', { provinceCode: '015' }, counts(2, 0, 0, 1, 1), 2, [[STORE, PAY], [WEBSITE, SOCIAL]]],
    ['an ATECO section (C)', { atecoSection: 'C' }, counts(1, 0, 0, 1, 0), 2, [[STORE, PAY]]],
    ['a category in some bundles (delivery)', { category: DELIVERY }, counts(2, 1, 1, 0, 0), 3, [[STORE, DELIVERY, PAY]]],
    ['a category only in the withdrawn one', { category: WEBSITE }, counts(1, 0, 0, 0, 1), 2, [[WEBSITE, SOCIAL]]],
    ['the last four days', { from: ago(4) }, counts(3, 2, 0, 1, 0), 7 / 3, [[STORE, PAY], [STORE, DELIVERY, PAY]]], // two against one
    ['a period that ended two days and a half ago', { from: ago(10), to: ago(2.5) }, counts(2, 0, 1, 1, 0), 5 / 2, [[STORE, DELIVERY, PAY], [STORE, PAY]]],
    ['place, category and period together', { provinceCode: '001', category: PAY, from: ago(4) }, counts(2, 2, 0, 0, 0), 5 / 2, [[STORE, DELIVERY, PAY], [STORE, PAY]]],
    ['a region where nobody asked (Lazio)', { regionCode: '12' }, counts(0, 0, 0, 0, 0), null, []],
  ])('narrows to %s', async (_name, filter, expected, averageParts, combinations) => {
    const scoped = await figures(filter);
    expect(scoped).toMatchObject({ ...expected, averageParts, combinationCount: combinations.length });
    expect(scoped.combinations.map((c) => c.categories)).toEqual(combinations);
  });

  it('is for ministry staff and administrators only', async () => {
    const admin = await seedUser(core.db, UserRole.ADMIN);
    expect((await core.app.get(BundlesMonitoringService).bundles(actingAs(admin, now), { atecoSection: 'C' })).asked).toBe(1);
    await expect(core.app.get(BundlesMonitoringService).bundles(actingAs(provider.owner, now), {})).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});

describe('bundles on the ministry dashboard: the combinations listed (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  it('lists at most ten combinations, the most asked first, and counts them all', async () => {
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    const provider = await seedProvider(core.db);
    const services = [WEBSITE, SOCIAL, ServiceCategory.ONLINE_BOOKING, ServiceCategory.DIGITAL_SKILLS, ServiceCategory.CONNECTIVITY, ServiceCategory.CYBERSECURITY];
    // Fifteen pairs of different services, one bundle each; the last pair asked twice more, one of them served.
    const pairs = services.flatMap((a, i) => services.slice(i + 1).map((b) => [a, b]));
    const shops = await seedShops(core.db, pairs.length + 2, { comuneCode: TORINO });
    const now = new Date();
    for (const [i, [a, b]] of pairs.entries()) await seedBundle(core.db, provider.id, now, shops[i].id, [[a, {}], [b, {}]]);
    const [x, y] = pairs[pairs.length - 1];
    await seedBundle(core.db, provider.id, now, shops[pairs.length].id, [[y, {}], [x, {}]]);
    await seedBundle(core.db, provider.id, now, shops[pairs.length + 1].id, [[x, { status: 'MATCHED', match: 'ACCEPTED' }], [y, { status: 'MATCHED', match: 'ACTIVE' }]]);
    const all = await core.app.get(BundlesMonitoringService).bundles(actingAs(staff, now), {});
    expect(all).toMatchObject({ ...counts(17, 1, 0, 16, 0), averageParts: 2, combinationCount: 15 });
    expect(all.combinations).toHaveLength(10);
    expect(all.combinations[0]).toEqual({ categories: [x, y], ...counts(3, 1, 0, 2, 0) });
    expect(all.combinations.slice(1).every((c) => c.asked === 1)).toBe(true);
  });
});
