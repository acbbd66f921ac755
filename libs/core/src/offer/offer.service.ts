import { Injectable } from '@nestjs/common';
import { In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountService } from '../auth/account.service';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { ProviderService } from '../provider/provider.service';
import { VerificationStatus } from '../provider/provider.types';
import { TerritoryService } from '../territory/territory.service';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { holdersLeftOut, offerHolders } from './offer-holders';
import { CoverageRow, coverageAuditView, resolveCoverage } from './offer-coverage.input';
import { comuneArea, CoverageArea, loadCoverage, whereOfferCovers, whereOfferDoesNotCover } from './offer-coverage.query';
import { resolveSectors } from './offer-sectors';
import { checkTransition, OFFER_TRANSITIONS, OfferStatusAction, publicationBlock, shownToShops } from './offer-status';
import { searchWords } from '../common/text-search';
import { whereOfferMatchesSearch } from './offer-search.query';
import { whereShownToShops } from './offer-visibility.query';
import { OfferEntity } from './offer.entity';
import { OfferErrorCode, OfferException } from './offer.exception';
import { OfferStatus } from './offer.types';
import type { CreateOffer, MyOfferFilter, OfferFilter, UpdateOffer } from './offer.commands';

export type UpdateOfferOutcome = { kind: 'offer'; offer: OfferEntity } | { kind: 'capacity-below-used'; used: number } | { kind: 'closed' };

export type OfferStatusOutcome =
  | { kind: 'offer'; offer: OfferEntity }
  | { kind: 'invalid-transition'; current: OfferStatus }
  | { kind: 'validity-ended'; validUntil: Date }
  /** A suspended or rejected organisation cannot put offers in front of shops. */
  | { kind: 'provider-not-approved'; status: VerificationStatus }
  /** Publishing waits until the account's e-mail address is verified. */
  | { kind: 'email-not-verified'; email: string };

/** What the audit log keeps of an offer (its coverage must be loaded). */
export const offerAuditView = (offer: OfferEntity, coverage: readonly CoverageRow[]): object => ({
  title: offer.title,
  description: offer.description,
  categories: offer.categories,
  coverage: coverageAuditView(offer.coverageNational, coverage),
  allSectors: offer.allSectors,
  eligibleSections: offer.eligibleSections,
  eligibleDivisions: offer.eligibleDivisions,
  capacity: offer.capacity,
  used: offer.used,
  freePeriodMonths: offer.freePeriodMonths,
  conditions: offer.conditions,
  validFrom: offer.validFrom,
  validUntil: offer.validUntil,
  status: offer.status,
});

/**
 * Providers' free offers: drafted, edited and moved through DRAFT → PUBLISHED ↔ PAUSED → CLOSED
 * by their provider; published offers of approved providers are visible to every signed-in user.
 */
/** A new offer may not have ended already: as a draft it could never be published (field `input.validUntil`). */
export function assertNotEnded(validUntil: Date | null | undefined, now: Date, field = 'input.validUntil'): void {
  if (validUntil && validUntil.getTime() <= now.getTime()) throw new OfferException(OfferErrorCode.CREATED_ENDED, field);
}

/** The latest start of validity an offer may be given now: a year ahead (shops look for help now, not in years). */
export function latestStart(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/** A new start of validity may be at most a year ahead (field `input.validFrom`); one already set stays as it is. */
export function assertStartsSoon(validFrom: Date | null | undefined, now: Date, field = 'input.validFrom'): void {
  const latest = latestStart(now);
  if (validFrom && validFrom.getTime() > latest.getTime()) throw new OfferException(OfferErrorCode.START_TOO_FAR, field, latest.toISOString());
}

@Injectable()
export class OfferService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
    private readonly providers: ProviderService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly accounts: AccountService,
  ) {}

  /** A new DRAFT of the caller's provider (approved or not: only publishing makes it visible). */
  async create(ctx: RequestContext, input: CreateOffer): Promise<OfferEntity> {
    const provider = await this.providers.requireOwnProvider(ctx);
    assertNotEnded(input.validUntil, ctx.now);
    assertStartsSoon(input.validFrom, ctx.now);
    const sectors = resolveSectors(input.sectors);
    const coverage = await resolveCoverage(ctx, this.territory, input.coverage);
    return this.connection.withTransaction(ctx, async (tx) => {
      const offers = this.connection.repository(tx, OfferEntity);
      const offer = await offers.save(
        offers.create({
          providerId: provider.id,
          title: input.title,
          description: input.description,
          categories: input.categories,
          coverageNational: coverage.national,
          ...sectors,
          capacity: input.capacity,
          used: 0,
          freePeriodMonths: input.freePeriodMonths,
          conditions: input.conditions,
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          status: OfferStatus.DRAFT,
          publishedAt: null,
        }),
      );
      await this.insertCoverage(tx, offer.id, coverage.rows);
      await this.audit.record(tx, { action: 'offer.created', entityType: 'offer', entityId: offer.id, after: offerAuditView(offer, coverage.rows) });
      return this.reload(tx, offer.id);
    });
  }

  /** Changes the given fields of one of the caller's offers; coverage and sectors are replaced whole. */
  async update(ctx: RequestContext, input: UpdateOffer): Promise<UpdateOfferOutcome> {
    const provider = await this.providers.requireOwnProvider(ctx);
    const sectors = input.sectors ? resolveSectors(input.sectors) : undefined;
    const coverage = input.coverage ? await resolveCoverage(ctx, this.territory, input.coverage) : undefined;
    return this.connection.withTransaction(ctx, async (tx) => {
      const current = await this.lockOwn(tx, provider.id, input.id, 'input.id');
      if (current.status === OfferStatus.CLOSED) return { kind: 'closed' };
      // `used` cannot move while the row is locked, so the check holds until commit.
      if (input.capacity !== undefined && input.capacity < current.used) return { kind: 'capacity-below-used', used: current.used };
      if (input.validFrom && input.validFrom.getTime() !== current.validFrom.getTime()) assertStartsSoon(input.validFrom, ctx.now);
      const validFrom = input.validFrom ?? current.validFrom;
      const validUntil = input.validUntil === undefined ? current.validUntil : input.validUntil;
      if (validUntil && validUntil.getTime() <= validFrom.getTime()) {
        throw new OfferException(OfferErrorCode.VALIDITY_ORDER, input.validUntil !== undefined ? 'input.validUntil' : 'input.validFrom');
      }
      // A new end already past (an unchanged one may have passed: the offer simply ended).
      if (input.validUntil && input.validUntil.getTime() !== current.validUntil?.getTime() && input.validUntil.getTime() <= ctx.now.getTime()) {
        throw new OfferException(OfferErrorCode.VALIDITY_IN_PAST, 'input.validUntil');
      }
      const [before] = await loadCoverage(this.connection.repository(tx, OfferCoverageEntity), [current]);
      await this.connection.repository(tx, OfferEntity).update(
        { id: current.id },
        {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.categories !== undefined && { categories: input.categories }),
          ...(input.capacity !== undefined && { capacity: input.capacity }),
          ...(input.freePeriodMonths !== undefined && { freePeriodMonths: input.freePeriodMonths }),
          ...(input.conditions !== undefined && { conditions: input.conditions }),
          ...(coverage && { coverageNational: coverage.national }),
          ...sectors,
          validFrom,
          validUntil,
        },
      );
      if (coverage) {
        await this.connection.repository(tx, OfferCoverageEntity).delete({ offerId: current.id });
        await this.insertCoverage(tx, current.id, coverage.rows);
      }
      const updated = await this.reload(tx, current.id);
      const rulesChanged = input.categories !== undefined || coverage !== undefined || sectors !== undefined || input.validFrom !== undefined || input.validUntil !== undefined;
      if (rulesChanged) {
        // Shops already on the offer must still fit it; refused, the transaction writes nothing.
        const holders = await offerHolders(this.connection.manager(tx), current.id);
        const left = holdersLeftOut(holders, toEngineOffer(Object.assign(before, { provider })), toEngineOffer(Object.assign(updated, { provider })), ctx.now);
        if (left) throw new OfferException(left.code, left.field, [left.count, left.shopName, left.comuneName, left.category].join('|'));
      }
      // More places: offer them to the waitlist.
      if (updated.capacity > current.capacity) await this.jobs.send(tx, JOB.PROMOTE_WAITLIST, { offerId: current.id });
      await this.audit.record(tx, {
        action: 'offer.updated',
        entityType: 'offer',
        entityId: current.id,
        before: offerAuditView(before, before.coverage ?? []),
        after: offerAuditView(updated, updated.coverage ?? []),
      });
      return { kind: 'offer', offer: updated };
    });
  }

  /** publish, pause, resume or close one of the caller's offers, as OFFER_TRANSITIONS allows. */
  async changeStatus(ctx: RequestContext, id: string, action: OfferStatusAction): Promise<OfferStatusOutcome> {
    const own = await this.providers.requireOwnProvider(ctx);
    const unverified = await this.accounts.unverifiedEmail(ctx);
    return this.connection.withTransaction(ctx, async (tx): Promise<OfferStatusOutcome> => {
      const current = await this.lockOwn(tx, own.id, id, 'id');
      const check = checkTransition(action, current, ctx.now);
      if (!check.ok) {
        return check.reason === 'VALIDITY_ENDED' ? { kind: 'validity-ended', validUntil: check.validUntil } : { kind: 'invalid-transition', current: current.status };
      }
      // Read after the offer's lock: a suspension decided meanwhile is seen (it locks the offers too).
      const provider = await this.providers.requireOwnProvider(tx);
      const block = check.to === OfferStatus.PUBLISHED ? publicationBlock({ providerStatus: provider.verificationStatus, unverifiedEmail: unverified, validUntil: current.validUntil, now: ctx.now }) : null;
      if (block) return block;
      const firstPublication = check.to === OfferStatus.PUBLISHED && !current.publishedAt;
      await this.connection.repository(tx, OfferEntity).update({ id }, { status: check.to, ...(firstPublication && { publishedAt: ctx.now }) });
      // Resumed: its waitlist may take the free places; closed: its waitlist ends.
      if (check.to === OfferStatus.PUBLISHED) await this.jobs.send(tx, JOB.PROMOTE_WAITLIST, { offerId: id });
      if (check.to === OfferStatus.CLOSED) await this.jobs.send(tx, JOB.EXPIRE_HOLDS, {});
      await this.audit.record(tx, {
        action: OFFER_TRANSITIONS[action].audit,
        entityType: 'offer',
        entityId: id,
        before: { status: current.status },
        after: { status: check.to },
      });
      return { kind: 'offer', offer: await this.reload(tx, id) };
    });
  }

  /**
   * One offer. Published offers of approved providers are public to signed-in users; anything
   * else only to its provider and ministry staff. Anyone else is told it does not exist.
   */
  async get(ctx: RequestContext, id: string): Promise<OfferEntity> {
    const actor = requireActor(ctx);
    const offer = await this.connection.repository(ctx, OfferEntity).findOne({ where: { id }, relations: { provider: true } });
    const visible =
      offer && (isStaff(actor) || offer.provider?.ownerUserId === actor.userId || shownToShops(offer.status, offer.provider?.verificationStatus));
    if (!visible) throw new OfferException(OfferErrorCode.OFFER_NOT_FOUND, 'id');
    const [withCoverage] = await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), [offer]);
    return withCoverage;
  }

  /** The caller's own offers, in every status, newest first. */
  async listOwn(ctx: RequestContext, filter: MyOfferFilter, page: PageRequest): Promise<Page<OfferEntity>> {
    const provider = await this.providers.requireOwnProvider(ctx);
    const query = this.connection.repository(ctx, OfferEntity).createQueryBuilder('offer').where('offer.provider_id = :provider', { provider: provider.id });
    if (filter.status) query.andWhere('offer.status = :status', { status: filter.status });
    if (filter.categories?.length) query.andWhere('offer.categories && ARRAY[:...categories]::service_category[]', { categories: filter.categories });
    return this.page(ctx, query.orderBy('offer.createdAt', 'DESC').addOrderBy('offer.id'), page);
  }

  /**
   * Offers by category, place and words of the title or provider's name. Ministry staff see every
   * offer (and may filter by status); everyone else sees the published offers of approved providers
   * whose validity has not ended.
   */
  async list(ctx: RequestContext, filter: OfferFilter, page: PageRequest): Promise<Page<OfferEntity>> {
    const actor = requireActor(ctx);
    if (filter.status && !isStaff(actor)) throw new OfferException(OfferErrorCode.STATUS_FILTER_STAFF_ONLY, 'filter.status');
    const areas = await this.areas(ctx, filter);
    const words = searchWords(filter.search);
    const query = this.connection.repository(ctx, OfferEntity).createQueryBuilder('offer');
    const asShops = !isStaff(actor) || filter.shownToShops === true;
    if (asShops || words.length > 0) query.innerJoin('offer.provider', 'provider');
    if (asShops) {
      // As the public catalogue: an offer whose validity has ended is no longer one to apply to.
      whereShownToShops(query, 'offer', 'provider', { currentAt: ctx.now });
    } else if (filter.status) {
      query.andWhere('offer.status = :status', { status: filter.status });
    }
    whereOfferMatchesSearch(query, 'offer', 'provider', words);
    if (filter.categories?.length) query.andWhere('offer.categories && ARRAY[:...categories]::service_category[]', { categories: filter.categories });
    areas.forEach((area, i) => whereOfferCovers(query, 'offer', area, `cover${i}`));
    if (filter.outsideComuneCode) {
      whereOfferDoesNotCover(query, 'offer', comuneArea(await this.territory.getComune(ctx, filter.outsideComuneCode, 'filter.outsideComuneCode')));
    }
    query.orderBy('offer.publishedAt', 'DESC', 'NULLS LAST').addOrderBy('offer.createdAt', 'DESC').addOrderBy('offer.id');
    return this.page(ctx, query, page);
  }

  /** The places named in a filter, checked against the territory tables. */
  private async areas(ctx: RequestContext, filter: OfferFilter): Promise<CoverageArea[]> {
    const areas: CoverageArea[] = [];
    if (filter.regionCode) {
      const region = await this.territory.getRegion(ctx, filter.regionCode, 'filter.regionCode');
      areas.push({ level: 'REGION', regionCode: region.code });
    }
    if (filter.provinceCode) {
      const province = await this.territory.getProvince(ctx, filter.provinceCode, 'filter.provinceCode');
      areas.push({ level: 'PROVINCE', regionCode: province.regionCode, provinceCode: province.code });
    }
    if (filter.comuneCode) areas.push(comuneArea(await this.territory.getComune(ctx, filter.comuneCode, 'filter.comuneCode')));
    return areas;
  }

  /** One page of offers and their coverage: two queries and a count, whatever the page size. */
  private async page(ctx: RequestContext, query: SelectQueryBuilder<OfferEntity>, page: PageRequest): Promise<Page<OfferEntity>> {
    const [items, total] = await query.skip(page.offset).take(page.first).getManyAndCount();
    await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), items);
    return toPage(items, total, page);
  }

  /** The caller's offer, locked for the rest of the transaction, or OFFER_NOT_FOUND. */
  private async lockOwn(tx: RequestContext, providerId: string, id: string, field: string): Promise<OfferEntity> {
    const offer = await this.connection.repository(tx, OfferEntity).findOne({ where: { id, providerId }, lock: { mode: 'pessimistic_write' } });
    if (!offer) throw new OfferException(OfferErrorCode.OFFER_NOT_FOUND, field);
    return offer;
  }

  private async insertCoverage(tx: RequestContext, offerId: string, rows: readonly CoverageRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.connection.repository(tx, OfferCoverageEntity).insert(rows.map((row) => ({ ...row, offerId })));
  }

  private async reload(tx: RequestContext, id: string): Promise<OfferEntity> {
    const offer = await this.connection.repository(tx, OfferEntity).findOneByOrFail({ id });
    const [withCoverage] = await loadCoverage(this.connection.repository(tx, OfferCoverageEntity), [offer]);
    return withCoverage;
  }

  /** For the per-request loader: offers with their coverage, in the order of `ids`. */
  async findByIds(ids: readonly string[]): Promise<(OfferEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(OfferEntity).findBy({ id: In([...ids]) });
    await loadCoverage(this.connection.dataSource.getRepository(OfferCoverageEntity), rows);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }
}
