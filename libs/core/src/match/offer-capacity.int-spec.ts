import { ServiceCategory } from '@vec/matching';
import { seedOffer, seedProvider, seedRequest, seedShops } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { MatchApplicationService } from './match-application.service';

describe('offer capacity under simultaneous applications (real PostgreSQL)', () => {
  let core: TestCore;
  let applications: MatchApplicationService;
  beforeAll(async () => {
    core = await startTestCore();
    applications = core.app.get(MatchApplicationService);
  });
  afterAll(() => core.close());

  const states = async (offerId: string): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await core.db.query('SELECT state, count(*)::int AS n FROM match WHERE offer_id = $1 GROUP BY state', [offerId])).map((r: { state: string; n: number }) => [r.state, r.n]),
    );
  const counter = async (offerId: string): Promise<{ used: number; slotRows: number }> =>
    (
      await core.db.query(
        `SELECT o.used, (SELECT count(*)::int FROM match m WHERE m.offer_id = o.id AND m.state IN ('PENDING','ACCEPTED','ACTIVE','COMPLETED')) AS "slotRows"
         FROM offer o WHERE o.id = $1`,
        [offerId],
      )
    )[0];

  it('gives exactly 10 of 300 simultaneous applications a held place and waitlists the other 290', async () => {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 10 });
    const shops = await seedShops(core.db, 300);
    const requests = await Promise.all(shops.map((shop) => seedRequest(core.db, shop.id)));

    const outcomes = await Promise.all(
      shops.map((shop, i) => applications.apply(actingAs({ ...shop.owner }), { helpRequestId: requests[i], offerId, joinWaitlist: true })),
    );

    expect(outcomes.every((o) => o.kind === 'match')).toBe(true);
    expect(await states(offerId)).toEqual({ PENDING: 10, WAITLISTED: 290 });
    expect(await counter(offerId)).toEqual({ used: 10, slotRows: 10 });
    const matched = await core.db.query(`SELECT count(*)::int AS n FROM help_request WHERE id = ANY($1) AND status = 'MATCHED'`, [requests]);
    expect(matched[0].n).toBe(10);
  });

  it('answers OfferFull to everyone past capacity when they do not want the waitlist', async () => {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 7 });
    const shops = await seedShops(core.db, 60);
    const requests = await Promise.all(shops.map((shop) => seedRequest(core.db, shop.id)));

    const outcomes = await Promise.all(shops.map((shop, i) => applications.apply(actingAs(shop.owner), { helpRequestId: requests[i], offerId, joinWaitlist: false })));

    expect(outcomes.filter((o) => o.kind === 'match')).toHaveLength(7);
    expect(outcomes.filter((o) => o.kind === 'full')).toHaveLength(53);
    expect(await states(offerId)).toEqual({ PENDING: 7 });
    expect(await counter(offerId)).toEqual({ used: 7, slotRows: 7 });
  });

  it('makes one match when the same shop applies the same request 50 times at once', async () => {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 5 });
    const [shop] = await seedShops(core.db, 1);
    const requestId = await seedRequest(core.db, shop.id);

    const outcomes = await Promise.all(Array.from({ length: 50 }, () => applications.apply(actingAs(shop.owner), { helpRequestId: requestId, offerId, joinWaitlist: true })));

    expect(outcomes.filter((o) => o.kind === 'match')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already-applied')).toHaveLength(49);
    expect(await states(offerId)).toEqual({ PENDING: 1 });
    expect(await counter(offerId)).toEqual({ used: 1, slotRows: 1 });
  });

  it('lets one shop hold one live match per category, even applying two requests of it to two offers at once', async () => {
    const provider = await seedProvider(core.db);
    const offers = [await seedOffer(core.db, provider.id), await seedOffer(core.db, provider.id)];
    const [shop] = await seedShops(core.db, 1);
    const requests = [await seedRequest(core.db, shop.id, ServiceCategory.ONLINE_STORE), await seedRequest(core.db, shop.id, ServiceCategory.ONLINE_STORE)];

    const outcomes = await Promise.all(requests.map((helpRequestId, i) => applications.apply(actingAs(shop.owner), { helpRequestId, offerId: offers[i], joinWaitlist: true })));

    expect(outcomes.map((o) => o.kind).sort()).toEqual(['match', 'not-eligible']);
    expect(outcomes.find((o) => o.kind === 'not-eligible')).toMatchObject({ failed: ['SHOP_CATEGORY_LIMIT'] });
    const live = await core.db.query(`SELECT count(*)::int AS n FROM match WHERE shop_id = $1 AND state = 'PENDING'`, [shop.id]);
    expect(live[0].n).toBe(1);
  });

  it('refuses in the database itself a write that would overbook an offer', async () => {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const shops = await seedShops(core.db, 2);
    const [first, second] = await Promise.all(shops.map((shop) => seedRequest(core.db, shop.id)));
    const insert = (requestId: string, shopId: string): Promise<unknown> =>
      core.db.query(
        `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by)
         VALUES ($1, $2, $3, $4, 'ONLINE_STORE', 'PENDING', 'APPLICATION', 'NATIONAL', 0, now() + interval '1 day')`,
        [requestId, offerId, shopId, provider.id],
      );
    await insert(first, shops[0].id);
    await expect(insert(second, shops[1].id)).rejects.toThrow(/offer_used_within_capacity/);
    expect(await counter(offerId)).toEqual({ used: 1, slotRows: 1 });
  });
});
