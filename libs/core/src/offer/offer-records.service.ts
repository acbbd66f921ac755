import { Injectable } from '@nestjs/common';
import type { MatchingRequest } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { loadCoverage, whereOfferCovers } from './offer-coverage.query';
import { whereShownToShops } from './offer-visibility.query';
import { OfferEntity } from './offer.entity';

/** What staff's moderation writes on an offer. */
export type OfferModeration = Pick<OfferEntity, 'status' | 'moderationReason' | 'moderatedAt' | 'moderatedByUserId'>;

/**
 * What other features (matches, matching, allocation runs, moderation) read, lock and change of
 * offers, in the caller's transaction (carried by the context): offers as the engine needs them,
 * with provider and coverage loaded, and the row locks every change of matches starts with.
 */
@Injectable()
export class OfferRecords {
  constructor(private readonly connection: TransactionalConnection) {}

  /** The offer with its provider, locked until the transaction ends: its `used` counter cannot move meanwhile. */
  async lock(tx: RequestContext, id: string): Promise<OfferEntity | null> {
    const offers = this.connection.repository(tx, OfferEntity);
    const offer = await offers.findOne({ where: { id }, lock: { mode: 'pessimistic_write', tables: ['offer'] } });
    if (!offer) return null;
    return offers.findOneOrFail({ where: { id }, relations: { provider: true } });
  }

  /**
   * The offer with its provider, locked, if no other transaction holds it; null otherwise (or
   * when there is no such offer). For a path that already holds another offer's lock and must
   * not wait out of the id order.
   */
  async tryLock(tx: RequestContext, id: string): Promise<OfferEntity | null> {
    const offers = this.connection.repository(tx, OfferEntity);
    const free = await offers.createQueryBuilder('o').setLock('pessimistic_write').setOnLocked('skip_locked').where('o.id = :id', { id }).getOne();
    if (!free) return null;
    return offers.findOneOrFail({ where: { id }, relations: { provider: true } });
  }

  /** These offers locked, in id order, until the transaction ends. */
  async lockMany(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.connection.repository(tx, OfferEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id IN (:...ids)', { ids: [...ids].sort() }).orderBy('o.id').getMany();
  }

  /** Sets each offer's coverage rows, in one query; returns the same offers. */
  withCoverage(ctx: RequestContext, offers: OfferEntity[]): Promise<OfferEntity[]> {
    return loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), offers);
  }

  /**
   * Published offers of approved providers in the request's category whose coverage contains the
   * shop (national, its region, province, comune, or a circle around its point), with coverage
   * rows and provider loaded: found through the indexed coverage rows, never by scanning offers.
   * The engine then decides every rule exactly.
   */
  async candidatesFor(ctx: RequestContext, request: Pick<MatchingRequest, 'category' | 'location'>): Promise<OfferEntity[]> {
    const query = this.connection
      .repository(ctx, OfferEntity)
      .createQueryBuilder('offer')
      .innerJoinAndSelect('offer.provider', 'provider')
      .where('offer.categories @> ARRAY[:category]::service_category[]', { category: request.category });
    whereShownToShops(query, 'offer', 'provider');
    whereOfferCovers(query, 'offer', { level: 'COMUNE', ...request.location });
    return this.withCoverage(ctx, await query.orderBy('offer.id').getMany());
  }

  /** These offers with coverage and provider, in the order of `ids` (missing ones left out). */
  async forMatching(ctx: RequestContext, ids: readonly string[]): Promise<OfferEntity[]> {
    if (ids.length === 0) return [];
    const offers = await this.connection
      .repository(ctx, OfferEntity)
      .createQueryBuilder('offer')
      .innerJoinAndSelect('offer.provider', 'provider')
      .where('offer.id IN (:...ids)', { ids })
      .getMany();
    await this.withCoverage(ctx, offers);
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    return ids.map((id) => byId.get(id)).filter((offer): offer is OfferEntity => offer !== undefined);
  }

  /** The ids of the offers valid now (published, provider approved, within their dates), in id order. */
  async validIds(ctx: RequestContext): Promise<string[]> {
    const rows: { id: string }[] = await this.connection.manager(ctx).query(
      `SELECT o.id FROM offer o JOIN provider p ON p.id = o.provider_id
       WHERE o.status = 'PUBLISHED' AND p.verification_status = 'APPROVED'
         AND o.valid_from <= $1 AND (o.valid_until IS NULL OR o.valid_until >= $1) ORDER BY o.id`,
      [ctx.now],
    );
    return rows.map((row) => row.id);
  }

  /** The ids of a provider's offers, in every status, in id order. */
  async idsOfProvider(ctx: RequestContext, providerId: string): Promise<string[]> {
    const rows = await this.connection.repository(ctx, OfferEntity).find({ select: { id: true }, where: { providerId }, order: { id: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** Writes staff's decision on an offer (locked by the caller); the caller records and tells it. */
  async moderate(tx: RequestContext, id: string, change: OfferModeration): Promise<void> {
    await this.connection.repository(tx, OfferEntity).update({ id }, change);
  }
}
