import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MatchingContext, MatchingRequest, ServiceCategory, ShopLiveMatches } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import { LIVE_STATES, sqlStates } from '../match/match.types';
import type { ShopEntity } from '../shop/shop.entity';
import { TerritoryService } from '../territory/territory.service';
import { liveMatchesOf, toEngineRequest } from './engine-input.mapper';

/**
 * Loads what the engine needs of a shop: its live matches and its place. The offers that may
 * cover it come from the offer feature (OfferRecords.candidatesFor), through the indexed
 * coverage rows.
 */
@Injectable()
export class MatchingData {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
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
        : await this.connection.manager(ctx).query(
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
    const [comune] = await this.territory.comuniByCode(ctx, [shop.comuneCode]);
    if (!comune) throw new Error(`shop ${shop.id} is in no known comune`);
    const live = (await this.liveMatches(ctx, [shop.id])).get(shop.id);
    if (!live) throw new Error(`no live-match count for shop ${shop.id}`);
    return toEngineRequest(request, shop, comune, live);
  }
}
