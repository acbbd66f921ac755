import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MatchingContext, MatchingRequest, ServiceCategory, ShopLiveMatches } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { LIVE_STATES, sqlStates } from '../match/match.types';
import { loadCoverage, whereOfferCovers } from '../offer/offer-coverage.query';
import { whereShownToShops } from '../offer/offer-visibility.query';
import { OfferCoverageEntity } from '../offer/offer-coverage.entity';
import { OfferEntity } from '../offer/offer.entity';
import { ShopEntity } from '../shop/shop.entity';
import { ComuneEntity } from '../territory/comune.entity';
import { liveMatchesOf, toEngineRequest } from './engine-input.mapper';

/**
 * Loads what the engine needs from the database: the shop's live matches, its place, and the
 * offers that may cover it — found through the indexed coverage rows, never by scanning offers.
 */
@Injectable()
export class MatchingData {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly config: ConfigService,
  ) {}

  context(ctx: RequestContext): MatchingContext {
    return { now: ctx.now.getTime(), maxLiveMatchesPerShop: this.config.getOrThrow<number>('MAX_LIVE_MATCHES_PER_SHOP') };
  }

  /** Live matches per shop and category, straight from the match rows. */
  async liveMatches(ctx: RequestContext, shopIds: readonly string[]): Promise<Map<string, ShopLiveMatches>> {
    const rows: { shop_id: string; category: ServiceCategory; count: number }[] =
      shopIds.length === 0
        ? []
        : await (ctx.manager ?? this.connection.dataSource.manager).query(
            `SELECT shop_id, category, count(*)::int AS count FROM match
             WHERE shop_id = ANY($1::uuid[]) AND state IN (${sqlStates(LIVE_STATES)}) GROUP BY shop_id, category`,
            [shopIds],
          );
    const byShop = new Map<string, { category: ServiceCategory; count: number }[]>(shopIds.map((id) => [id, []]));
    for (const row of rows) byShop.get(row.shop_id)?.push({ category: row.category, count: row.count });
    return new Map([...byShop].map(([id, list]) => [id, liveMatchesOf(list)]));
  }

  /** The engine's view of one request of this shop. */
  async engineRequest(ctx: RequestContext, request: HelpRequestEntity, shop: ShopEntity): Promise<MatchingRequest> {
    const comune = await this.connection.repository(ctx, ComuneEntity).findOneByOrFail({ code: shop.comuneCode });
    const live = (await this.liveMatches(ctx, [shop.id])).get(shop.id);
    if (!live) throw new Error(`no live-match count for shop ${shop.id}`);
    return toEngineRequest(request, shop, comune, live);
  }

  /**
   * Published offers of approved providers in the request's category whose coverage contains the
   * shop (national, its region, province, comune, or a circle around its point), with coverage
   * rows and provider loaded. The engine then decides every rule exactly.
   */
  async candidateOffers(ctx: RequestContext, request: MatchingRequest): Promise<OfferEntity[]> {
    const { location } = request;
    const query = this.connection
      .repository(ctx, OfferEntity)
      .createQueryBuilder('offer')
      .innerJoinAndSelect('offer.provider', 'provider')
      .where('offer.categories @> ARRAY[:category]::service_category[]', { category: request.category });
    whereShownToShops(query, 'offer', 'provider');
    whereOfferCovers(query, 'offer', { level: 'COMUNE', ...location });
    const offers = await query.orderBy('offer.id').getMany();
    return loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), offers);
  }

  /** These offers with coverage and provider, in the order of `ids` (missing ones left out). */
  async offersByIds(ctx: RequestContext, ids: readonly string[]): Promise<OfferEntity[]> {
    if (ids.length === 0) return [];
    const offers = await this.connection
      .repository(ctx, OfferEntity)
      .createQueryBuilder('offer')
      .innerJoinAndSelect('offer.provider', 'provider')
      .where('offer.id IN (:...ids)', { ids })
      .getMany();
    await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), offers);
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    return ids.map((id) => byId.get(id)).filter((offer): offer is OfferEntity => offer !== undefined);
  }
}
