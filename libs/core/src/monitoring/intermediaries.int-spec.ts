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
    // The older one got a website 38 days ago, completed 20 days ago; it answered two surveys, the first reporting orders.
    const websiteOffer = await seedOffer(db, provider.id, { categories: [ServiceCategory.WEBSITE] });
    const websiteRequest = await seedRequest(db, older.id, ServiceCategory.WEBSITE, ago(39));
    const [{ id: completedId }] = (await db.query(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by,
         accepted_at, activated_at, free_until, completed_at, created_at)
       VALUES ($1, $2, $3, $4, 'WEBSITE', 'COMPLETED', 'APPLICATION', 'COMUNE', 0, $5, $6, $7, $8, $9, $5) RETURNING id`,
      [websiteRequest, websiteOffer, older.id, provider.id, ago(38), ago(37), ago(36), new Date(now.getTime() + 150 * DAY), ago(20)],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO outcome_survey (match_id, checkpoint, got_online_orders, approximate_orders, answered_at, answered_by_user_id)
       SELECT $1::uuid, 'COMPLETION'::outcome_checkpoint, true, 12, $2::timestamptz, owner_user_id FROM shop WHERE id = $4
       UNION ALL SELECT $1::uuid, 'DAY_30'::outcome_checkpoint, false, 0, $3::timestamptz, owner_user_id FROM shop WHERE id = $4`,
      [completedId, ago(20), ago(6), older.id],
    );
    // A shop registered on paper five days ago, not claimed yet.
    const [paper] = await seedShops(db, 1, { comuneCode: TORINO, section: 'G', division: '47' });
    await db.query(`UPDATE shop SET owner_user_id = NULL WHERE id = $1`, [paper.id]);
    await db.query(
      `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', $3, $4)`,
      [facilitator.id, paper.id, ago(5).toISOString().slice(0, 10), ago(5)],
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
    return { facilitators: page.totalCount, ...(row && { ...row, facilitatorId: undefined, name: undefined, kind: undefined, verificationStatus: undefined }) };
  };

  // Onboarded, on paper, live delegations, served, completed matches, survey answers, answers reporting orders.
  const figures = (values: [number, number, number, number, number, number, number]) => {
    const [shopsOnboarded, shopsOnPaper, liveDelegations, shopsServed, completedMatches, surveyAnswers, answersReportingOrders] = values;
    return { shopsOnboarded, shopsOnPaper, liveDelegations, shopsServed, completedMatches, surveyAnswers, answersReportingOrders };
  };

  it.each<[string, MonitoringFilter, [number, number, number, number, number, number, number]]>([
    ['the whole programme', {}, [4, 1, 3, 2, 1, 2, 1]],
    ['a region (Piemonte)', { regionCode: '01' }, [3, 1, 3, 2, 1, 2, 1]],
    ['a province (Milano)', { provinceCode: '015' }, [1, 0, 0, 0, 0, 0, 0]],
    ['an ATECO section (I)', { atecoSection: 'I' }, [1, 0, 0, 0, 0, 0, 0]],
    ['another category than the store (the website)', { category: ServiceCategory.WEBSITE }, [4, 1, 3, 1, 1, 2, 1]],
    ['the category of the store', { category: ServiceCategory.ONLINE_STORE }, [4, 1, 3, 1, 0, 0, 0]],
    ['the last week', { from: ago(7) }, [3, 1, 3, 1, 0, 1, 0]],
    ['a period before the store', { from: ago(60), to: ago(30) }, [1, 0, 3, 1, 0, 0, 0]],
  ])('narrows the figures to %s', async (_name, filter, expected) => {
    expect(await uptake(filter)).toEqual({ facilitators: 2, ...figures(expected) });
  });
});
