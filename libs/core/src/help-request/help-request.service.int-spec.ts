import { ServiceCategory } from '@vec/matching';
import { AuthErrorCode } from '../auth/auth.exception';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { MatchApplicationService } from '../match/match-application.service';
import { ShopErrorCode } from '../shop/shop.exception';
import { TerritoryErrorCode } from '../territory/territory.exception';
import { seedOffer, seedProvider, SeededShop, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestErrorCode, HelpRequestException } from './help-request.exception';
import { HelpRequestService } from './help-request.service';
import { HelpRequestStatus } from './help-request.types';

const { ONLINE_STORE, HOME_DELIVERY, WEBSITE, DIGITAL_PAYMENTS } = ServiceCategory;
const PAGE = { first: 100, offset: 0 };

// Its own database: staff lists take every shop's requests, and only this file's may be there.
describe('shops’ requests for help (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let requests: HelpRequestService;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    requests = core.app.get(HelpRequestService);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const as = (shop: SeededShop, at = new Date()): RequestContext => actingAs(shop.owner, at);
  // Requests sent together share their creation time: listed in the order of the service_category enum.
  const rowsOf = async (shop: SeededShop): Promise<HelpRequestEntity[]> =>
    core.db.getRepository(HelpRequestEntity).find({ where: { shopId: shop.id }, order: { category: 'ASC' } });
  const actions = async (id: string): Promise<string[]> =>
    (await core.db.query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id', [id])).map((event: { action: string }) => event.action);
  const auditsBy = async (shop: SeededShop): Promise<number> =>
    (await core.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor_user_id = $1`, [shop.owner.userId]))[0].n;
  const aShop = async (comuneCode?: string): Promise<SeededShop> => (await seedShops(core.db, 1, { comuneCode }))[0];

  async function created(shop: SeededShop, ...categories: ServiceCategory[]): Promise<HelpRequestEntity[]> {
    const outcome = await requests.createMany(as(shop), categories.map((category) => ({ category, description: `Ci serve: ${category}` })));
    if (outcome.kind !== 'requests') throw new Error(`createMany: ${outcome.kind}`);
    return outcome.requests;
  }

  async function untilWaitingForLocks(count: number): Promise<void> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const [row] = await core.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (row.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fewer than ${count} transactions waiting for a lock`);
  }

  async function apply(shop: SeededShop, helpRequestId: string, offerId: string): Promise<string> {
    const outcome = await core.app.get(MatchApplicationService).apply(as(shop), { helpRequestId, offerId, joinWaitlist: true });
    if (outcome.kind !== 'match') throw new Error(`apply: ${outcome.kind}`);
    return outcome.match.id;
  }

  /** A match for the request on a new offer of one place; with `full`, another shop holds it and the request waits. */
  async function applied(shop: SeededShop, request: HelpRequestEntity, options: { full?: boolean } = {}): Promise<{ matchId: string; offerId: string }> {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1, categories: [request.category] });
    if (options.full) {
      const holder = await aShop();
      const [held] = await created(holder, request.category);
      await apply(holder, held.id, offerId);
    }
    return { matchId: await apply(shop, request.id, offerId), offerId };
  }

  describe('asking', () => {
    it('creates several requests of the caller’s shop at once, open, each with its audit event', async () => {
      const shop = await aShop();
      const made = await created(shop, ONLINE_STORE, HOME_DELIVERY);
      const rows = await rowsOf(shop);
      expect(rows.map((row) => [row.category, row.status, row.cancelledAt])).toEqual(
        expect.arrayContaining([
          [ONLINE_STORE, HelpRequestStatus.OPEN, null],
          [HOME_DELIVERY, HelpRequestStatus.OPEN, null],
        ]),
      );
      expect(rows).toHaveLength(2);
      for (const request of made) expect(await actions(request.id)).toEqual(['help_request.created']);
    });

    it('asks once per service: a service already open or matched is refused naming that request, and nothing of the input is written', async () => {
      const shop = await aShop();
      const [open] = await created(shop, ONLINE_STORE);
      const [matched] = await created(shop, HOME_DELIVERY);
      await applied(shop, matched);
      expect((await rowsOf(shop)).find((row) => row.id === matched.id)?.status).toBe(HelpRequestStatus.MATCHED);
      const before = await auditsBy(shop);

      const againOpen = await requests.createMany(as(shop), [
        { category: WEBSITE, description: 'Un sito' },
        { category: ONLINE_STORE, description: 'Di nuovo' },
      ]);
      expect(againOpen).toMatchObject({ kind: 'duplicate', duplicate: { index: 1, category: ONLINE_STORE, existing: { id: open.id } } });
      const againMatched = await requests.createMany(as(shop), [{ category: HOME_DELIVERY, description: 'Di nuovo' }]);
      expect(againMatched).toMatchObject({ kind: 'duplicate', duplicate: { index: 0, existing: { id: matched.id } } });
      expect(await rowsOf(shop)).toHaveLength(2);
      expect(await auditsBy(shop)).toBe(before);
    });

    it('refuses one service named twice in the same input, and allows a service again once its request was cancelled or fulfilled', async () => {
      const shop = await aShop();
      const twice = await requests.createMany(as(shop), [
        { category: WEBSITE, description: 'Uno' },
        { category: WEBSITE, description: 'Due' },
      ]);
      expect(twice).toEqual({ kind: 'duplicate', duplicate: { index: 1, category: WEBSITE, existing: null, others: [] } });
      expect(await rowsOf(shop)).toEqual([]);

      const [cancelled, fulfilled] = await created(shop, WEBSITE, DIGITAL_PAYMENTS);
      await requests.cancel(as(shop), cancelled.id);
      await core.db.query(`UPDATE help_request SET status = 'FULFILLED' WHERE id = $1`, [fulfilled.id]);
      const again = await created(shop, WEBSITE, DIGITAL_PAYMENTS);
      expect(again.map((request) => request.status)).toEqual([HelpRequestStatus.OPEN, HelpRequestStatus.OPEN]);
    });

    it('judges two simultaneous sends of one shop one after the other: one request per service', async () => {
      const shop = await aShop();
      // Another transaction holds the shop row, so that both sends are under way before either may finish.
      const blocker = core.db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT 1 FROM shop WHERE id = $1 FOR UPDATE', [shop.id]);
      const sends = [0, 1].map(() => requests.createMany(as(shop), [{ category: ONLINE_STORE, description: 'Ci serve un negozio online' }]));
      await untilWaitingForLocks(2);
      await blocker.commitTransaction();
      await blocker.release();

      const outcomes = await Promise.all(sends);
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'requests']);
      expect(await rowsOf(shop)).toHaveLength(1);
    });

    it('is for shop accounts that registered their shop', async () => {
      const noShop = await seedUser(core.db, UserRole.SHOP);
      await expect(requests.createMany(actingAs(noShop), [{ category: WEBSITE, description: 'x' }])).rejects.toMatchObject({ code: ShopErrorCode.SHOP_NOT_REGISTERED });
      const provider = await seedUser(core.db, UserRole.PROVIDER);
      await expect(requests.createMany(actingAs(provider), [{ category: WEBSITE, description: 'x' }])).rejects.toMatchObject({ code: AuthErrorCode.FORBIDDEN_ROLE });
    });
  });

  describe('changes', () => {
    it('changes the description and service of an open request, auditing it, but not into a service already asked for', async () => {
      const shop = await aShop();
      const [request, other] = await created(shop, ONLINE_STORE, HOME_DELIVERY);
      const outcome = await requests.update(as(shop), { id: request.id, category: WEBSITE, description: 'Ci serve un sito' });
      expect(outcome).toMatchObject({ kind: 'request', request: { category: WEBSITE, description: 'Ci serve un sito' } });
      expect(await requests.update(as(shop), { id: request.id, category: HOME_DELIVERY })).toMatchObject({
        kind: 'duplicate',
        duplicate: { category: HOME_DELIVERY, existing: { id: other.id } },
      });
      expect((await rowsOf(shop)).find((row) => row.id === request.id)?.category).toBe(WEBSITE);
      expect(await actions(request.id)).toEqual(['help_request.created', 'help_request.updated']);
    });

    it('leaves a matched request as the provider agreed to it, and keeps a waitlisted one in its service', async () => {
      const shop = await aShop();
      const [matched, waiting] = await created(shop, ONLINE_STORE, HOME_DELIVERY);
      await applied(shop, matched);
      expect(await requests.update(as(shop), { id: matched.id, description: 'Cambiata' })).toEqual({ kind: 'not-open', current: HelpRequestStatus.MATCHED });
      await applied(shop, waiting, { full: true });
      expect(await requests.update(as(shop), { id: waiting.id, category: WEBSITE })).toEqual({ kind: 'on-waitlist' });
      expect(await requests.update(as(shop), { id: waiting.id, description: 'Solo la descrizione' })).toMatchObject({ kind: 'request' });
      const rows = await rowsOf(shop);
      expect(rows.map((row) => [row.category, row.description])).toEqual([
        [ONLINE_STORE, `Ci serve: ${ONLINE_STORE}`],
        [HOME_DELIVERY, 'Solo la descrizione'],
      ]);
    });

    it('tells another shop that the request does not exist', async () => {
      const shop = await aShop();
      const [request] = await created(shop, ONLINE_STORE);
      const stranger = await aShop();
      const error = await requests.update(as(stranger), { id: request.id, description: 'Presa' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HelpRequestException);
      expect(error).toMatchObject({ code: HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, field: 'input.id' });
      await expect(requests.cancel(as(stranger), request.id)).rejects.toMatchObject({ code: HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, field: 'id' });
      await expect(requests.get(as(stranger), request.id)).rejects.toMatchObject({ code: HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND });
      expect((await rowsOf(shop))[0]).toMatchObject({ description: `Ci serve: ${ONLINE_STORE}`, status: HelpRequestStatus.OPEN });
      expect((await requests.get(actingAs(await seedUser(core.db, UserRole.MINISTRY)), request.id)).id).toBe(request.id);
    });
  });

  describe('cancelling', () => {
    it('cancels an open request once, with its time and audit event', async () => {
      const shop = await aShop();
      const [request] = await created(shop, ONLINE_STORE);
      const at = new Date(Date.now() + 60_000);
      expect(await requests.cancel(as(shop, at), request.id)).toMatchObject({ kind: 'request', request: { status: HelpRequestStatus.CANCELLED, cancelledAt: at } });
      expect((await rowsOf(shop))[0]).toMatchObject({ status: HelpRequestStatus.CANCELLED, cancelledAt: at });
      expect(await requests.cancel(as(shop), request.id)).toEqual({ kind: 'invalid-transition', current: HelpRequestStatus.CANCELLED });
      expect(await actions(request.id)).toEqual(['help_request.created', 'help_request.cancelled']);
    });

    it('withdraws the match of a matched request with it, freeing the place and queueing the waitlist', async () => {
      const shop = await aShop();
      const [request] = await created(shop, ONLINE_STORE);
      const { matchId, offerId } = await applied(shop, request);
      expect((await core.db.query('SELECT used FROM offer WHERE id = $1', [offerId]))[0].used).toBe(1);

      expect(await requests.cancel(as(shop), request.id)).toMatchObject({ kind: 'request', request: { status: HelpRequestStatus.CANCELLED } });
      expect((await core.db.query('SELECT state, end_reason FROM match WHERE id = $1', [matchId]))[0]).toEqual({ state: 'WITHDRAWN', end_reason: 'REQUEST_CANCELLED' });
      expect((await core.db.query('SELECT used FROM offer WHERE id = $1', [offerId]))[0].used).toBe(0);
      const jobs = await core.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'waitlist-promote' AND data->>'offerId' = $1`, [offerId]);
      expect(jobs[0].n).toBe(1);
      expect((await rowsOf(shop))[0].status).toBe(HelpRequestStatus.CANCELLED);
    });

    it('gives up a waitlist place with its request, leaving the offer’s places and queue alone', async () => {
      const shop = await aShop();
      const [request] = await created(shop, ONLINE_STORE);
      const { matchId, offerId } = await applied(shop, request, { full: true });
      expect((await core.db.query('SELECT state FROM match WHERE id = $1', [matchId]))[0].state).toBe('WAITLISTED');

      expect(await requests.cancel(as(shop), request.id)).toMatchObject({ kind: 'request', request: { status: HelpRequestStatus.CANCELLED } });
      expect((await core.db.query('SELECT state FROM match WHERE id = $1', [matchId]))[0].state).toBe('WITHDRAWN');
      expect((await core.db.query('SELECT used FROM offer WHERE id = $1', [offerId]))[0].used).toBe(1);
      const jobs = await core.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'waitlist-promote' AND data->>'offerId' = $1`, [offerId]);
      expect(jobs[0].n).toBe(0);
    });

    it('does not cancel a fulfilled request', async () => {
      const shop = await aShop();
      const [request] = await created(shop, ONLINE_STORE);
      await core.db.query(`UPDATE help_request SET status = 'FULFILLED' WHERE id = $1`, [request.id]);
      expect(await requests.cancel(as(shop), request.id)).toEqual({ kind: 'invalid-transition', current: HelpRequestStatus.FULFILLED });
      expect(await actions(request.id)).toEqual(['help_request.created']);
    });
  });

  describe('lists', () => {
    it('shows a shop its own requests only, newest first, by status and service, in pages', async () => {
      const shop = await aShop();
      await aShop().then((other) => created(other, ONLINE_STORE));
      const [first] = await created(shop, ONLINE_STORE);
      const [second] = await created(shop, HOME_DELIVERY);
      const [third] = await created(shop, WEBSITE);
      await requests.cancel(as(shop), second.id);

      const all = await requests.listOwn(as(shop), {}, PAGE);
      expect(all.items.map((request) => request.id)).toEqual([third.id, second.id, first.id]);
      expect((await requests.listOwn(as(shop), { status: HelpRequestStatus.OPEN }, PAGE)).items.map((request) => request.id)).toEqual([third.id, first.id]);
      expect((await requests.listOwn(as(shop), { category: HOME_DELIVERY }, PAGE)).items.map((request) => request.id)).toEqual([second.id]);
      const page = await requests.listOwn(as(shop), {}, { first: 2, offset: 1 });
      expect(page).toMatchObject({ totalCount: 3, hasNextPage: false });
      expect(page.items.map((request) => request.id)).toEqual([second.id, first.id]);
    });

    it('shows staff every shop’s requests by region, province, status and service, and nobody else', async () => {
      const ministry = actingAs(await seedUser(core.db, UserRole.MINISTRY));
      // Only this test puts shops in Sardinia (Cagliari) and Sicily (Palermo).
      const [[cagliari], [palermo]] = await Promise.all(['092009', '082053'].map((code) => core.db.query('SELECT region_code, province_code FROM comune WHERE code = $1', [code])));
      const south = await aShop('092009');
      const island = await aShop('082053');
      // One after the other: requests sent together share their time, and their order among themselves is the ids'.
      const [a] = await created(south, ONLINE_STORE);
      const [b] = await created(south, HOME_DELIVERY);
      const [c] = await created(island, ONLINE_STORE);
      await requests.cancel(as(south), b.id);

      const inCagliari = await requests.list(ministry, { provinceCode: cagliari.province_code }, PAGE);
      expect(inCagliari.items.map((request) => request.id)).toEqual([b.id, a.id]);
      expect((await requests.list(ministry, { regionCode: cagliari.region_code, status: HelpRequestStatus.OPEN }, PAGE)).items.map((r) => r.id)).toEqual([a.id]);
      expect((await requests.list(ministry, { regionCode: palermo.region_code, category: ONLINE_STORE }, PAGE)).items.map((r) => r.id)).toEqual([c.id]);
      expect((await requests.list(ministry, { regionCode: palermo.region_code, category: HOME_DELIVERY }, PAGE)).totalCount).toBe(0);

      await expect(requests.list(ministry, { provinceCode: '999' }, PAGE)).rejects.toMatchObject({ code: TerritoryErrorCode.PROVINCE_NOT_FOUND, field: 'filter.provinceCode' });
      await expect(requests.list(as(south), {}, PAGE)).rejects.toMatchObject({ code: AuthErrorCode.FORBIDDEN_ROLE });
    });
  });
});
