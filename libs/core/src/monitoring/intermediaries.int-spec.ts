import { ServiceCategory } from '@vec/matching';
import { UserRole } from '../auth/user-role';
import { seedFacilitator, seedOffer, seedProvider, seedRequest, seedShops, seedUser } from '../testing/seed';
import { createScratchDatabase } from '../testing/test-database';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import type { MonitoringFilter } from './monitoring.commands';
import { IntermediariesService } from './intermediaries.service';

const DAY = 86_400_000;
const [TORINO, MILANO] = ['001272', '015146'];

describe('uptake by facilitator within the dashboard’s filter (a database of its own)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let facilitatorId: string;
  const now = new Date();
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY);

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    const db = core.db;
    const facilitator = await seedFacilitator(db, 'APPROVED', 'Confcommercio di prova');
    facilitatorId = facilitator.id;
    await seedFacilitator(db, 'APPROVED', 'Associazione senza negozi');
    const [recent, older] = await seedShops(db, 2, { comuneCode: TORINO, section: 'G', division: '47' });
    const [milan] = await seedShops(db, 1, { comuneCode: MILANO, section: 'I', division: '56' });
    const delegate = (shopId: string, activatedDaysAgo: number, status: 'ACTIVE' | 'REVOKED') =>
      db.query(
        `INSERT INTO delegation (facilitator_id, shop_id, status, consent, activated_at, ended_at) VALUES ($1, $2, $3, 'SHOP', $4, $5)`,
        [facilitator.id, shopId, status, ago(activatedDaysAgo), status === 'REVOKED' ? ago(0) : null],
      );
    await delegate(recent.id, 1, 'ACTIVE');
    await delegate(older.id, 40, 'ACTIVE');
    await delegate(milan.id, 2, 'REVOKED');
    // The recent Torino shop got an online store two days ago.
    const provider = await seedProvider(db, 'APPROVED');
    const offerId = await seedOffer(db, provider.id, { categories: [ServiceCategory.ONLINE_STORE] });
    const requestId = await seedRequest(db, recent.id, ServiceCategory.ONLINE_STORE, ago(3));
    await db.query(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by, accepted_at, created_at)
       VALUES ($1, $2, $3, $4, 'ONLINE_STORE', 'ACCEPTED', 'APPLICATION', 'COMUNE', 0, $5, $6, $6)`,
      [requestId, offerId, recent.id, provider.id, new Date(now.getTime() + 3 * DAY), ago(2)],
    );
  });

  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const uptake = async (filter: MonitoringFilter) => {
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    const page = await core.app.get(IntermediariesService).byFacilitator(actingAs(staff, now), filter, { first: 10, offset: 0 });
    const row = page.items.find((item) => item.facilitatorId === facilitatorId);
    return { facilitators: page.totalCount, shopsOnboarded: row?.shopsOnboarded, liveDelegations: row?.liveDelegations, shopsServed: row?.shopsServed };
  };

  it.each<[string, MonitoringFilter, { shopsOnboarded: number; liveDelegations: number; shopsServed: number }]>([
    ['the whole programme', {}, { shopsOnboarded: 3, liveDelegations: 2, shopsServed: 1 }],
    ['a region (Piemonte)', { regionCode: '01' }, { shopsOnboarded: 2, liveDelegations: 2, shopsServed: 1 }],
    ['a province (Milano)', { provinceCode: '015' }, { shopsOnboarded: 1, liveDelegations: 0, shopsServed: 0 }],
    ['an ATECO section (I)', { atecoSection: 'I' }, { shopsOnboarded: 1, liveDelegations: 0, shopsServed: 0 }],
    ['another category than the service given', { category: ServiceCategory.WEBSITE }, { shopsOnboarded: 3, liveDelegations: 2, shopsServed: 0 }],
    ['the category of the service given', { category: ServiceCategory.ONLINE_STORE }, { shopsOnboarded: 3, liveDelegations: 2, shopsServed: 1 }],
    ['the last week', { from: ago(7) }, { shopsOnboarded: 2, liveDelegations: 2, shopsServed: 1 }],
    ['a period before the service', { from: ago(60), to: ago(30) }, { shopsOnboarded: 1, liveDelegations: 2, shopsServed: 0 }],
  ])('narrows the figures to %s', async (_name, filter, expected) => {
    expect(await uptake(filter)).toEqual({ facilitators: 2, ...expected });
  });
});
