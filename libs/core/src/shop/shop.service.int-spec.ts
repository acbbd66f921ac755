import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { UserRole } from '../auth/user-role';
import { Actor } from '../common/request-context';
import { randomPartitaIva, seedFacilitator, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { TerritoryErrorCode, TerritoryException } from '../territory/territory.exception';
import { RegisterShop } from './shop.commands';
import { ShopEntity } from './shop.entity';
import { ShopErrorCode, ShopException } from './shop.exception';
import { ShopService } from './shop.service';

const TORINO = '001272';
const MILANO = '015146';
const GENOVA = '010025';

interface Place {
  code: string;
  latitude: number;
  longitude: number;
  region_code: string;
  province_code: string;
}

// Its own database: staff lists count every shop, and only this file's may be there.
describe('shop profiles: registration, changes, ownership and staff lists (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let shops: ShopService;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    shops = core.app.get(ShopService);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const place = async (code: string): Promise<Place> =>
    (await core.db.query('SELECT code, latitude, longitude, region_code, province_code FROM comune WHERE code = $1', [code]))[0];
  const shopRows = async (owner: Actor): Promise<ShopEntity[]> => core.db.getRepository(ShopEntity).findBy({ ownerUserId: owner.userId });
  const audits = async (entityId: string): Promise<{ action: string; actor_user_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]> =>
    core.db.query('SELECT action, actor_user_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId]);
  const auditsBy = async (actor: Actor): Promise<number> =>
    (await core.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor_user_id = $1 AND entity_type = 'shop'`, [actor.userId]))[0].n;

  const aShop = (overrides: Partial<RegisterShop> = {}): RegisterShop => ({
    legalName: 'Ferramenta Rossi S.n.c.',
    tradingName: 'Da Rossi',
    partitaIva: randomPartitaIva(),
    atecoSection: 'G',
    atecoDivision: '47',
    comuneCode: TORINO,
    address: 'Via Garibaldi 10',
    employees: 4,
    contactEmail: 'rossi@example.it',
    ...overrides,
  });

  async function registered(owner: Actor, overrides: Partial<RegisterShop> = {}): Promise<ShopEntity> {
    const outcome = await shops.register(actingAs(owner), aShop(overrides));
    if (outcome.kind !== 'shop') throw new Error(`register: ${outcome.kind}`);
    return outcome.shop;
  }

  /** Rejects with the exception class and code given; returns the error for its other fields. */
  async function refused<E extends Error & { code: string }>(promise: Promise<unknown>, type: new (...args: never[]) => E, code: string): Promise<E> {
    const error = await promise.then(
      () => new Error('resolved'),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(type);
    expect((error as E).code).toBe(code);
    return error as E;
  }

  describe('registration', () => {
    it('writes the shop of the calling account at its comune’s point and audits it', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const torino = await place(TORINO);
      const shop = await registered(owner);

      const [row] = await shopRows(owner);
      expect(row).toMatchObject({ id: shop.id, legalName: 'Ferramenta Rossi S.n.c.', tradingName: 'Da Rossi', comuneCode: TORINO, contactPhone: null });
      expect(row).toMatchObject({ latitude: torino.latitude, longitude: torino.longitude, coordinatesFromComune: true });
      const [event] = await audits(shop.id);
      expect(event).toMatchObject({ action: 'shop.registered', actor_user_id: owner.userId, before: null });
      expect(event.after).toMatchObject({ partitaIva: shop.partitaIva, comuneCode: TORINO });
    });

    it('keeps a point of its own near the comune, and refuses one too far from it, writing nothing', async () => {
      const torino = await place(TORINO);
      const near = await seedUser(core.db, UserRole.SHOP);
      const shop = await registered(near, { latitude: torino.latitude + 0.2, longitude: torino.longitude });
      expect(shop).toMatchObject({ latitude: torino.latitude + 0.2, longitude: torino.longitude, coordinatesFromComune: false });

      // About 55 km north: beyond the 40 km any comune reaches from its seat.
      const far = await seedUser(core.db, UserRole.SHOP);
      const error = await refused(
        shops.register(actingAs(far), aShop({ latitude: torino.latitude + 0.5, longitude: torino.longitude })),
        ShopException,
        ShopErrorCode.COORDINATES_FAR_FROM_COMUNE,
      );
      expect(error.field).toBe('input.latitude');
      expect(error.params).toMatchObject({ maxKm: '40', comune: 'Torino' });
      expect(await shopRows(far)).toEqual([]);
      expect(await auditsBy(far)).toBe(0);
    });

    it('allows a province’s width around a comune that only has its province capital’s coordinates', async () => {
      const [fallback]: { code: string; latitude: number; longitude: number }[] = await core.db.query(
        `SELECT code, latitude, longitude FROM comune WHERE coordinates_source = 'PROVINCE_CAPITAL' AND region_code <> (SELECT region_code FROM comune WHERE code = $1)
          ORDER BY code LIMIT 1`,
        [GENOVA],
      );
      const inProvince = await seedUser(core.db, UserRole.SHOP);
      // About 100 km away: refused for an exact comune, within the 150 km of a province capital.
      const shop = await registered(inProvince, { comuneCode: fallback.code, latitude: fallback.latitude + 0.9, longitude: fallback.longitude });
      expect(shop.coordinatesFromComune).toBe(false);
      const beyond = await seedUser(core.db, UserRole.SHOP);
      const error = await refused(
        shops.register(actingAs(beyond), aShop({ comuneCode: fallback.code, latitude: fallback.latitude + 1.5, longitude: fallback.longitude })),
        ShopException,
        ShopErrorCode.COORDINATES_FAR_FROM_COMUNE,
      );
      expect(error.params.maxKm).toBe('150');
    });

    it('refuses half a point, an unknown comune and an ATECO division outside its section, naming the field', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const half = await refused(shops.register(actingAs(owner), aShop({ latitude: 45.07 })), ShopException, ShopErrorCode.COORDINATES_INCOMPLETE);
      expect(half.field).toBe('input.longitude');
      const nowhere = await refused(shops.register(actingAs(owner), aShop({ comuneCode: '999999' })), TerritoryException, TerritoryErrorCode.COMUNE_NOT_FOUND);
      expect(nowhere.field).toBe('input.comuneCode');
      const ateco = await refused(
        shops.register(actingAs(owner), aShop({ atecoSection: 'C', atecoDivision: '47' })),
        ShopException,
        ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION,
      );
      expect(ateco.field).toBe('input.atecoDivision');
      expect(await shopRows(owner)).toEqual([]);
      expect(await auditsBy(owner)).toBe(0);
    });

    it('registers one shop per account and one per Partita IVA, answering which, and leaves no trace of the refused one', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const first = await registered(owner);
      expect(await shops.register(actingAs(owner), aShop())).toEqual({ kind: 'already-registered' });
      expect(await shopRows(owner)).toHaveLength(1);

      const other = await seedUser(core.db, UserRole.SHOP);
      expect(await shops.register(actingAs(other), aShop({ partitaIva: first.partitaIva }))).toEqual({ kind: 'partita-iva-taken', onPaper: false });
      expect(await shopRows(other)).toEqual([]);
      expect(await auditsBy(other)).toBe(0);
    });

    it('is for shop accounts only', async () => {
      const provider = await seedUser(core.db, UserRole.PROVIDER);
      await refused(shops.register(actingAs(provider), aShop()), AuthException, AuthErrorCode.FORBIDDEN_ROLE);
      expect(await shopRows(provider)).toEqual([]);
    });
  });

  describe('changes and ownership', () => {
    it('changes the given fields of the caller’s own shop, auditing before and after', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const shop = await registered(owner);
      const updated = await shops.update(actingAs(owner), { legalName: 'Ferramenta Rossi S.r.l.', employees: 9, contactPhone: '011 555 1234' });

      expect(updated).toMatchObject({ id: shop.id, legalName: 'Ferramenta Rossi S.r.l.', employees: 9, contactPhone: '011 555 1234', address: 'Via Garibaldi 10' });
      const [row] = await shopRows(owner);
      expect(row).toMatchObject({ legalName: 'Ferramenta Rossi S.r.l.', employees: 9, tradingName: 'Da Rossi', partitaIva: shop.partitaIva });
      const events = await audits(shop.id);
      expect(events.map((event) => event.action)).toEqual(['shop.registered', 'shop.updated']);
      expect(events[1].before).toMatchObject({ legalName: 'Ferramenta Rossi S.n.c.', employees: 4 });
      expect(events[1].after).toMatchObject({ legalName: 'Ferramenta Rossi S.r.l.', employees: 9 });
    });

    it('moves a shop to another comune at that comune’s point, and checks a new point against the shop’s comune', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const torino = await place(TORINO);
      const milano = await place(MILANO);
      await registered(owner, { latitude: torino.latitude + 0.1, longitude: torino.longitude });

      const moved = await shops.update(actingAs(owner), { comuneCode: MILANO });
      expect(moved).toMatchObject({ comuneCode: MILANO, latitude: milano.latitude, longitude: milano.longitude, coordinatesFromComune: true });
      // Torino's point is some 125 km from Milano, the shop's comune now.
      await refused(shops.update(actingAs(owner), { latitude: torino.latitude, longitude: torino.longitude }), ShopException, ShopErrorCode.COORDINATES_FAR_FROM_COMUNE);
      await refused(shops.update(actingAs(owner), { longitude: milano.longitude }), ShopException, ShopErrorCode.COORDINATES_INCOMPLETE);
      expect((await shopRows(owner))[0]).toMatchObject({ comuneCode: MILANO, latitude: milano.latitude });
    });

    it('keeps the shop’s own point when a change names its comune again', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const torino = await place(TORINO);
      await registered(owner, { latitude: torino.latitude + 0.1, longitude: torino.longitude });
      const updated = await shops.update(actingAs(owner), { comuneCode: TORINO, address: 'Via Roma 1' });
      expect(updated).toMatchObject({ comuneCode: TORINO, address: 'Via Roma 1', latitude: torino.latitude + 0.1, coordinatesFromComune: false });
      expect((await shopRows(owner))[0]).toMatchObject({ latitude: torino.latitude + 0.1, coordinatesFromComune: false });
    });

    it('checks an ATECO change against the shop’s other half, and writes nothing when refused', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const shop = await registered(owner);
      const error = await refused(shops.update(actingAs(owner), { atecoSection: 'C' }), ShopException, ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION);
      expect(error.params).toMatchObject({ section: 'C', divisionSection: 'G' });
      expect((await shopRows(owner))[0].atecoSection).toBe('G');
      expect((await audits(shop.id)).map((event) => event.action)).toEqual(['shop.registered']);
    });

    it('lets an account change only its own shop: another shop’s owner changes theirs, an account without one is told to register', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const shop = await registered(owner);
      const neighbour = await seedUser(core.db, UserRole.SHOP);
      const theirs = await registered(neighbour, { legalName: 'Panificio Bianchi' });

      expect((await shops.update(actingAs(neighbour), { legalName: 'Panificio Bianchi e figli' })).id).toBe(theirs.id);
      const stranger = await seedUser(core.db, UserRole.SHOP);
      await refused(shops.update(actingAs(stranger), { legalName: 'Preso' }), ShopException, ShopErrorCode.SHOP_NOT_REGISTERED);
      const provider = await seedUser(core.db, UserRole.PROVIDER);
      await refused(shops.update(actingAs(provider), { legalName: 'Preso' }), AuthException, AuthErrorCode.FORBIDDEN_ROLE);

      expect((await shopRows(owner))[0].legalName).toBe('Ferramenta Rossi S.n.c.');
      expect((await audits(shop.id)).map((event) => event.action)).toEqual(['shop.registered']);
    });

    it('shows a shop to its owner and to staff, and to anyone else as not found', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      const shop = await registered(owner);
      expect((await shops.get(actingAs(owner), shop.id)).id).toBe(shop.id);
      expect((await shops.get(actingAs(await seedUser(core.db, UserRole.MINISTRY)), shop.id)).id).toBe(shop.id);
      const error = await refused(shops.get(actingAs(await seedUser(core.db, UserRole.SHOP)), shop.id), ShopException, ShopErrorCode.SHOP_NOT_FOUND);
      expect(error.field).toBe('id');
      await refused(shops.get(actingAs(await seedUser(core.db, UserRole.PROVIDER)), shop.id), ShopException, ShopErrorCode.SHOP_NOT_FOUND);
    });
  });

  describe('staff lists', () => {
    it('filters by region, province, comune and ATECO section, newest first, in pages', async () => {
      const ministry = actingAs(await seedUser(core.db, UserRole.MINISTRY));
      const genova = await place(GENOVA);
      // Only this test puts shops in Genova's region (Liguria).
      const retail = await seedShops(core.db, 3, { comuneCode: GENOVA, section: 'G', division: '47' });
      const food = await seedShops(core.db, 2, { comuneCode: GENOVA, section: 'I', division: '56' });

      const all = await shops.list(ministry, { regionCode: genova.region_code }, { first: 10, offset: 0 });
      expect(all.totalCount).toBe(5);
      expect(all.items.map((shop) => shop.id)).toEqual([...retail, ...food].map((shop) => shop.id).reverse());
      expect((await shops.list(ministry, { provinceCode: genova.province_code }, { first: 10, offset: 0 })).totalCount).toBe(5);
      expect((await shops.list(ministry, { comuneCode: GENOVA, atecoSection: 'I' }, { first: 10, offset: 0 })).items.map((shop) => shop.id)).toEqual(
        food.map((shop) => shop.id).reverse(),
      );

      const second = await shops.list(ministry, { regionCode: genova.region_code }, { first: 2, offset: 2 });
      expect(second).toMatchObject({ totalCount: 5, hasNextPage: true });
      expect(second.items.map((shop) => shop.id)).toEqual([retail[2].id, retail[1].id]);
      const last = await shops.list(ministry, { regionCode: genova.region_code }, { first: 2, offset: 4 });
      expect(last).toMatchObject({ totalCount: 5, hasNextPage: false });
      expect(last.items.map((shop) => shop.id)).toEqual([retail[0].id]);
    });

    it('is for ministry staff only, and refuses an unknown region naming the filter', async () => {
      const owner = await seedUser(core.db, UserRole.SHOP);
      await registered(owner);
      await refused(shops.list(actingAs(owner), {}, { first: 10, offset: 0 }), AuthException, AuthErrorCode.FORBIDDEN_ROLE);
      const admin = actingAs(await seedUser(core.db, UserRole.ADMIN));
      const error = await refused(shops.list(admin, { regionCode: '99' }, { first: 10, offset: 0 }), TerritoryException, TerritoryErrorCode.REGION_NOT_FOUND);
      expect(error.field).toBe('filter.regionCode');
    });
  });

  describe('a facilitator acting for a shop', () => {
    const delegate = async (facilitatorId: string, shopId: string): Promise<void> => {
      await core.db.query(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, activated_at) VALUES ($1, $2, 'ACTIVE', 'SHOP', now())`, [facilitatorId, shopId]);
    };

    it('is refused while the shop owner’s account is disabled, and again once it is erased', async () => {
      const [shop] = await seedShops(core.db, 1);
      const facilitator = await seedFacilitator(core.db);
      await delegate(facilitator.id, shop.id);
      const forShop = () => actingAs(facilitator.owner).onBehalfOf(shop.id);
      expect((await shops.findOwn(forShop()))?.id).toBe(shop.id);
      expect(await shops.actsFor(forShop(), shop.id)).toBe(true);

      await core.db.query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [shop.owner.userId]);
      const error = await refused(shops.findOwn(forShop()), ShopException, ShopErrorCode.SHOP_NOT_FOUND);
      expect(error.field).toBe('X-On-Behalf-Of-Shop');
      // Whatever it reads, the header it sent is named, so that the web app ends the acting.
      expect((await refused(shops.actsFor(forShop(), shop.id), ShopException, ShopErrorCode.SHOP_NOT_FOUND)).field).toBe('X-On-Behalf-Of-Shop');
      await refused(shops.get(forShop(), shop.id), ShopException, ShopErrorCode.SHOP_NOT_FOUND);

      // Enabled again by an administrator: the delegation, still live, applies again.
      await core.db.query(`UPDATE user_account SET disabled_at = NULL WHERE id = $1`, [shop.owner.userId]);
      expect((await shops.findOwn(forShop()))?.id).toBe(shop.id);

      // An erased account whose disabled mark was lifted by hand is still refused.
      await core.db.query(`UPDATE user_account SET erased_at = now() WHERE id = $1`, [shop.owner.userId]);
      await refused(shops.findOwn(forShop()), ShopException, ShopErrorCode.SHOP_NOT_FOUND);
      // Its owner, signed in, is not affected by the check.
      expect((await shops.findOwn(actingAs(shop.owner)))?.id).toBe(shop.id);
    });

    it('is allowed for a shop registered on paper that no owner has claimed yet', async () => {
      const [shop] = await seedShops(core.db, 1);
      await core.db.query(`UPDATE shop SET owner_user_id = NULL WHERE id = $1`, [shop.id]);
      const facilitator = await seedFacilitator(core.db);
      await delegate(facilitator.id, shop.id);
      expect((await shops.findOwn(actingAs(facilitator.owner).onBehalfOf(shop.id)))?.id).toBe(shop.id);
    });
  });
});
