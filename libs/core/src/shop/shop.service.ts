import { Injectable } from '@nestjs/common';
import { CoordinatesSource, distanceKm } from '@vec/territory';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor, requireShopSide } from '../common/access';
import { Actor } from '../common/request-context';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { TerritoryErrorCode, TerritoryException } from '../territory/territory.exception';
import { TerritoryService } from '../territory/territory.service';
import { assertAtecoSector } from './registry/ateco-check';
import { ShopEntity } from './shop.entity';
import { ShopErrorCode, ShopException } from './shop.exception';
import type { RegisterShop, ShopFilter, UpdateShop } from './shop.commands';
import { isUniqueViolation } from '../common/unique-violation';

export type RegisterShopOutcome =
  | { kind: 'shop'; shop: ShopEntity }
  | { kind: 'already-registered' }
  /** `onPaper`: the shop of that number was registered by a facilitator and waits for its owner to claim it. */
  | { kind: 'partita-iva-taken'; onPaper?: boolean };

export type RegisterUnclaimedOutcome = { kind: 'shop'; shop: ShopEntity } | { kind: 'partita-iva-taken' };

/**
 * How far a shop's own point may lie from its comune's coordinates. The farthest corner of the
 * largest comune (Roma) is about 30 km from its seat; 40 km leaves room for that and refuses a
 * point in another part of Italy or abroad. A few comuni made by mergers carry their province
 * capital's coordinates, so for them the allowance is the size of a province.
 */
export const MAX_KM_FROM_COMUNE = 40;
export const MAX_KM_FROM_PROVINCE_CAPITAL = 150;
const maxKmFromComune = (source: CoordinatesSource): number =>
  source === CoordinatesSource.EXACT ? MAX_KM_FROM_COMUNE : MAX_KM_FROM_PROVINCE_CAPITAL;

/** Shop profiles: each shop account manages its own; ministry staff read all. */
@Injectable()
export class ShopService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  async register(ctx: RequestContext, input: RegisterShop): Promise<RegisterShopOutcome> {
    const actor = requireActor(ctx, UserRole.SHOP);
    assertAtecoSector(input.atecoSection, input.atecoDivision);
    const position = await this.position(ctx, input.comuneCode, input.latitude, input.longitude);
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const shops = this.connection.repository(tx, ShopEntity);
        if (await shops.existsBy({ ownerUserId: actor.userId })) return { kind: 'already-registered' };
        const shop = await shops.save(shops.create(newShop(input, position, actor.userId)));
        await this.audit.record(tx, { action: 'shop.registered', entityType: 'shop', entityId: shop.id, after: shop });
        return { kind: 'shop', shop };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'shop_partita_iva_key')) {
        // Read after the failed transaction: whether the owner of that number has a claim link to use instead.
        const [taken]: { unclaimed: boolean }[] = await this.connection.manager(ctx).query(`SELECT owner_user_id IS NULL AS unclaimed FROM shop WHERE partita_iva = $1`, [input.partitaIva]);
        return { kind: 'partita-iva-taken', onPaper: taken?.unclaimed ?? false };
      }
      if (isUniqueViolation(error, 'shop_owner_user_id_key')) return { kind: 'already-registered' };
      throw error;
    }
  }

  /**
   * For the delegation feature, in its transaction: a shop a facilitator registers for a business
   * with no account yet, under a paper consent; it has no owner until the owner claims it.
   */
  async registerUnclaimed(tx: RequestContext, input: RegisterShop, prefix = 'input'): Promise<RegisterUnclaimedOutcome> {
    requireActor(tx, UserRole.FACILITATOR);
    assertAtecoSector(input.atecoSection, input.atecoDivision, prefix);
    const position = await this.position(tx, input.comuneCode, input.latitude, input.longitude, prefix);
    const shops = this.connection.repository(tx, ShopEntity);
    // ON CONFLICT DO NOTHING: a Partita IVA registered meanwhile by someone else is an answer, not
    // an error that would abort the caller's transaction.
    const inserted = await shops.createQueryBuilder().insert().values(shops.create(newShop(input, position, null))).orIgnore().returning('id').execute();
    const [row] = inserted.raw as { id: string }[];
    if (!row) return { kind: 'partita-iva-taken' };
    const shop = await shops.findOneByOrFail({ id: row.id });
    await this.audit.record(tx, { action: 'shop.registered', entityType: 'shop', entityId: shop.id, after: shop });
    return { kind: 'shop', shop };
  }

  /**
   * For the delegation feature's CSV import, in its transaction: many shops registered on paper at
   * once (their Partite IVA checked free by the caller), each at its comune's point, audited as
   * registerUnclaimed audits one. Returns them in the order given.
   */
  async registerUnclaimedMany(tx: RequestContext, inputs: readonly RegisterShop[]): Promise<ShopEntity[]> {
    requireActor(tx, UserRole.FACILITATOR);
    if (inputs.length === 0) return [];
    inputs.forEach((input, i) => assertAtecoSector(input.atecoSection, input.atecoDivision, `input.${i}`));
    const comuni = new Map((await this.territory.comuniByCode(tx, [...new Set(inputs.map((input) => input.comuneCode))])).map((comune) => [comune.code, comune]));
    const shops = this.connection.repository(tx, ShopEntity);
    const entities = inputs.map((input, i) => {
      const comune = comuni.get(input.comuneCode);
      if (!comune) throw new TerritoryException(TerritoryErrorCode.COMUNE_NOT_FOUND, `input.${i}.comuneCode`, input.comuneCode);
      return shops.create(newShop(input, { latitude: comune.latitude, longitude: comune.longitude, coordinatesFromComune: true }, null));
    });
    const inserted = await shops.insert(entities);
    entities.forEach((entity, i) => Object.assign(entity, inserted.generatedMaps[i], { id: String(inserted.identifiers[i].id) }));
    await this.audit.recordMany(tx, entities.map((shop) => ({ action: 'shop.registered', entityType: 'shop', entityId: shop.id, after: shop })));
    return entities;
  }

  /** For the delegation feature's CSV import: the shops holding any of these Partite IVA, by Partita IVA. */
  async findByPartiteIva(ctx: RequestContext, partiteIva: readonly string[]): Promise<Map<string, ShopEntity>> {
    if (partiteIva.length === 0) return new Map();
    const found = await this.connection.repository(ctx, ShopEntity).findBy({ partitaIva: In([...new Set(partiteIva)]) });
    return new Map(found.map((shop) => [shop.partitaIva, shop]));
  }

  /**
   * For the delegation feature, in its transaction: the owner claims a shop registered for it.
   * False when the shop has an owner already, or the account has a shop of its own.
   */
  async attachOwner(tx: RequestContext, shopId: string, userId: string): Promise<boolean> {
    const shops = this.connection.repository(tx, ShopEntity);
    if (await shops.existsBy({ ownerUserId: userId })) return false;
    const current = await shops.findOne({ where: { id: shopId }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.ownerUserId) return false;
    await shops.update({ id: shopId }, { ownerUserId: userId });
    await this.audit.record(tx, { action: 'shop.claimed', entityType: 'shop', entityId: shopId, before: { ownerUserId: null }, after: { ownerUserId: userId } });
    return true;
  }

  /**
   * For the delegation feature, in its transaction: an unclaimed shop's owner address was wrong and
   * its contact address was that same one (an import fills it so): the contact follows the correction.
   * Returns the contact address the shop has now.
   */
  async correctContactEmail(tx: RequestContext, shopId: string, wrong: string, right: string): Promise<string | null> {
    const shops = this.connection.repository(tx, ShopEntity);
    const current = await shops.findOne({ where: { id: shopId }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.ownerUserId || current.contactEmail.toLowerCase() !== wrong.toLowerCase() || wrong.toLowerCase() === right.toLowerCase()) return current?.contactEmail ?? null;
    const contactEmail = right.toLowerCase();
    await shops.update({ id: shopId }, { contactEmail });
    await this.audit.record(tx, { action: 'shop.updated', entityType: 'shop', entityId: shopId, before: { contactEmail: current.contactEmail }, after: { contactEmail } });
    return contactEmail;
  }

  async update(ctx: RequestContext, input: UpdateShop): Promise<ShopEntity> {
    const own = await this.requireOwnShop(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const shops = this.connection.repository(tx, ShopEntity);
      // Read again under a lock: two edits at once apply one after the other, neither lost.
      const current = await shops.findOneOrFail({ where: { id: own.id }, lock: { mode: 'pessimistic_write' } });
      assertAtecoSector(input.atecoSection ?? current.atecoSection, input.atecoDivision ?? current.atecoDivision);
      const comuneCode = input.comuneCode ?? current.comuneCode;
      // The point moves with a new comune or new coordinates; naming the same comune again keeps it.
      const movesPoint = comuneCode !== current.comuneCode || input.latitude !== undefined || input.longitude !== undefined;
      const position = movesPoint ? await this.position(tx, comuneCode, input.latitude, input.longitude) : {};
      const before = { ...current };
      const changes = Object.fromEntries(
        Object.entries({ ...input, latitude: undefined, longitude: undefined }).filter(([, value]) => value !== undefined),
      );
      const updated = await shops.save(shops.merge(current, changes, position));
      await this.audit.record(tx, { action: 'shop.updated', entityType: 'shop', entityId: updated.id, before, after: updated });
      return updated;
    });
  }

  /**
   * The shop the caller acts as: a shop account's own (null when it has not registered one yet),
   * or for a facilitator the shop it names, when it holds a live delegation from it. This is the
   * one access check every shop operation goes through: no delegation, a revoked one, another
   * facilitator's shop or a facilitator that is not approved, and the shop does not exist for it.
   */
  async findOwn(ctx: RequestContext): Promise<ShopEntity | null> {
    const actor = requireShopSide(ctx);
    if (actor.role === UserRole.FACILITATOR) return this.delegatedShop(ctx, actor);
    return this.connection.repository(ctx, ShopEntity).findOneBy({ ownerUserId: actor.userId });
  }

  /** Whether the caller acts as this shop (its owner, or a facilitator with its live delegation naming it). */
  async actsFor(ctx: RequestContext, shopId: string): Promise<boolean> {
    const actor = requireActor(ctx);
    if (actor.role === UserRole.FACILITATOR && ctx.onBehalfOfShopId !== shopId) return false;
    if (actor.role !== UserRole.SHOP && actor.role !== UserRole.FACILITATOR) return false;
    const own = await this.findOwn(ctx).catch((error: unknown) => {
      // A facilitator whose delegation ended meanwhile is told so by the header it sent, wherever it reads (the web app then ends acting).
      if (error instanceof ShopException && error.field !== 'X-On-Behalf-Of-Shop') return null;
      throw error;
    });
    return own?.id === shopId;
  }

  /**
   * The shop a facilitator names, if a live delegation lets it act for it now: one statement over
   * the delegation, facilitator and owner rows (read only; their features write them), so that a
   * revocation applies to the very next call. A shop whose owner's account is disabled or erased
   * is refused too: disabling is a staff measure against the shop's account, and a facilitator
   * acting in its name would get round it (an erased shop's delegations end with the erasure; this
   * also covers a disabled one, whose delegations stay for when it is enabled again). A shop
   * registered on paper and not claimed yet has no owner, and its facilitator acts for it.
   */
  private async delegatedShop(ctx: RequestContext, actor: Actor): Promise<ShopEntity> {
    if (!ctx.onBehalfOfShopId) throw new ShopException(ShopErrorCode.NO_SHOP_NAMED);
    const shop = await this.connection
      .repository(ctx, ShopEntity)
      .createQueryBuilder('shop')
      .innerJoin('delegation', 'd', "d.shop_id = shop.id AND d.status = 'ACTIVE'")
      .innerJoin('facilitator', 'f', "f.id = d.facilitator_id AND f.owner_user_id = :actor AND f.verification_status = 'APPROVED'", { actor: actor.userId })
      .leftJoin('user_account', 'owner', 'owner.id = shop.owner_user_id')
      .where('shop.id = :id', { id: ctx.onBehalfOfShopId })
      .andWhere('(shop.owner_user_id IS NULL OR (owner.disabled_at IS NULL AND owner.erased_at IS NULL))')
      .getOne();
    if (!shop) throw new ShopException(ShopErrorCode.SHOP_NOT_FOUND, 'X-On-Behalf-Of-Shop');
    ctx.confirmActingFor(shop.id);
    return shop;
  }

  /** For other features: the caller's shop, or SHOP_NOT_REGISTERED. */
  async requireOwnShop(ctx: RequestContext): Promise<ShopEntity> {
    const shop = await this.findOwn(ctx);
    if (!shop) throw new ShopException(ShopErrorCode.SHOP_NOT_REGISTERED);
    return shop;
  }

  /** One shop: its owner, a facilitator acting for it, or ministry staff. Anyone else is told it does not exist. */
  async get(ctx: RequestContext, id: string): Promise<ShopEntity> {
    const actor = requireActor(ctx);
    const shop = await this.connection.repository(ctx, ShopEntity).findOneBy({ id });
    if (!shop || (!isStaff(actor) && !(await this.actsFor(ctx, id)))) throw new ShopException(ShopErrorCode.SHOP_NOT_FOUND, 'id');
    return shop;
  }

  async list(ctx: RequestContext, filter: ShopFilter, page: PageRequest): Promise<Page<ShopEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    if (filter.regionCode) await this.territory.getRegion(ctx, filter.regionCode, 'filter.regionCode');
    if (filter.provinceCode) await this.territory.getProvince(ctx, filter.provinceCode, 'filter.provinceCode');
    const query = this.connection.repository(ctx, ShopEntity).createQueryBuilder('shop').innerJoin('shop.comune', 'comune');
    if (filter.regionCode) query.andWhere('comune.region_code = :region', { region: filter.regionCode });
    if (filter.provinceCode) query.andWhere('comune.province_code = :province', { province: filter.provinceCode });
    if (filter.comuneCode) query.andWhere('shop.comune_code = :comune', { comune: filter.comuneCode });
    if (filter.atecoSection) query.andWhere('shop.ateco_section = :section', { section: filter.atecoSection });
    const [items, total] = await query.orderBy('shop.created_at', 'DESC').addOrderBy('shop.id').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** The given point, or the comune's (which must exist); refusals name the fields under `prefix`. */
  private async position(
    ctx: RequestContext,
    comuneCode: string,
    latitude: number | undefined,
    longitude: number | undefined,
    prefix = 'input',
  ): Promise<Pick<ShopEntity, 'latitude' | 'longitude' | 'coordinatesFromComune'>> {
    const comune = await this.territory.getComune(ctx, comuneCode, `${prefix}.comuneCode`);
    if ((latitude === undefined) !== (longitude === undefined)) {
      throw new ShopException(ShopErrorCode.COORDINATES_INCOMPLETE, latitude === undefined ? `${prefix}.latitude` : `${prefix}.longitude`);
    }
    if (latitude !== undefined && longitude !== undefined) {
      const km = distanceKm({ latitude, longitude }, comune);
      const maxKm = maxKmFromComune(comune.coordinatesSource);
      if (km > maxKm) {
        throw new ShopException(ShopErrorCode.COORDINATES_FAR_FROM_COMUNE, `${prefix}.latitude`, undefined, {
          km: Math.round(km).toLocaleString('it-IT'),
          maxKm: String(maxKm),
          comune: comune.name,
        });
      }
      return { latitude, longitude, coordinatesFromComune: false };
    }
    return { latitude: comune.latitude, longitude: comune.longitude, coordinatesFromComune: true };
  }

  /**
   * For other features, in the caller's transaction: the shop, locked until it ends, so that what
   * depends on the shop's requests and matches is judged one change at a time.
   */
  lock(tx: RequestContext, id: string): Promise<ShopEntity | null> {
    return this.connection.repository(tx, ShopEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** These shops locked, in id order, until the caller's transaction ends. */
  async lockMany(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.connection.repository(tx, ShopEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id IN (:...ids)', { ids: [...ids].sort() }).orderBy('s.id').getMany();
  }

  /** These shops, in the caller's transaction (missing ones left out). */
  async findMany(ctx: RequestContext, ids: readonly string[]): Promise<ShopEntity[]> {
    if (ids.length === 0) return [];
    return this.connection.repository(ctx, ShopEntity).createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
  }

  /** For the per-request loader, in the order of `ids`. */
  async findByIds(ids: readonly string[]): Promise<(ShopEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(ShopEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }
}

/** A new shop's row: its owner (none while it waits to be claimed), details and point. */
function newShop(
  input: RegisterShop,
  position: Pick<ShopEntity, 'latitude' | 'longitude' | 'coordinatesFromComune'>,
  ownerUserId: string | null,
): Partial<ShopEntity> {
  return {
    ownerUserId,
    legalName: input.legalName,
    tradingName: input.tradingName ?? null,
    partitaIva: input.partitaIva,
    atecoSection: input.atecoSection,
    atecoDivision: input.atecoDivision,
    comuneCode: input.comuneCode,
    address: input.address,
    ...position,
    employees: input.employees,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone ?? null,
  };
}
