import { Injectable } from '@nestjs/common';
import { MatchingOffer, MatchingRequest } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { LIVE_STATES, sqlStates } from '../match/match.types';
import { toEngineOffer, toEngineRequest } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import { refusedOffers } from '../match/refused-offers';
import { withoutRefusedPairs } from './refused-pairs';
import { OfferCoverageEntity } from '../offer/offer-coverage.entity';
import { loadCoverage } from '../offer/offer-coverage.query';
import { OfferEntity } from '../offer/offer.entity';
import { ShopEntity } from '../shop/shop.entity';
import { ComuneEntity } from '../territory/comune.entity';

export interface AllocationInput {
  requests: MatchingRequest[];
  offers: MatchingOffer[];
  requestEntities: Map<string, HelpRequestEntity>;
  offerEntities: Map<string, OfferEntity>;
}

/**
 * Everything an allocation run decides over: every OPEN request without a live match (waitlisted
 * ones included: the run may find them a place elsewhere) and every currently valid offer, full
 * ones included so that "all full" is told apart from 'nothing covers it'; minus the pairs of a
 * request and an offer it refused.
 */
@Injectable()
export class AllocationInputLoader {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly data: MatchingData,
  ) {}

  /** The valid offers' ids, to lock them before anything is read that depends on them. */
  async validOfferIds(ctx: RequestContext): Promise<string[]> {
    const rows: { id: string }[] = await this.manager(ctx).query(
      `SELECT o.id FROM offer o JOIN provider p ON p.id = o.provider_id
       WHERE o.status = 'PUBLISHED' AND p.verification_status = 'APPROVED'
         AND o.valid_from <= $1 AND (o.valid_until IS NULL OR o.valid_until >= $1) ORDER BY o.id`,
      [ctx.now],
    );
    return rows.map((row) => row.id);
  }

  /** Shops with an open request that has no live match. */
  async openRequestShopIds(ctx: RequestContext): Promise<string[]> {
    const rows: { shop_id: string }[] = await this.manager(ctx).query(
      `SELECT DISTINCT r.shop_id FROM help_request r
       WHERE r.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN (${sqlStates(LIVE_STATES)}))
       ORDER BY r.shop_id`,
    );
    return rows.map((row) => row.shop_id);
  }

  async load(ctx: RequestContext, offerIds: readonly string[]): Promise<AllocationInput> {
    const requests = await this.connection
      .repository(ctx, HelpRequestEntity)
      .createQueryBuilder('r')
      .where(`r.status = 'OPEN'`)
      .andWhere(`NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN (${sqlStates(LIVE_STATES)}))`)
      .orderBy('r.id')
      .getMany();
    const shopIds = [...new Set(requests.map((r) => r.shopId))];
    const shops = shopIds.length ? await this.connection.repository(ctx, ShopEntity).createQueryBuilder('s').where('s.id IN (:...ids)', { ids: shopIds }).getMany() : [];
    const comuneCodes = [...new Set(shops.map((s) => s.comuneCode))];
    const comuni = comuneCodes.length
      ? await this.connection.repository(ctx, ComuneEntity).createQueryBuilder('c').where('c.code IN (:...codes)', { codes: comuneCodes }).getMany()
      : [];
    const live = await this.data.liveMatches(ctx, shopIds);
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const comuneByCode = new Map(comuni.map((c) => [c.code, c]));

    const offers = offerIds.length
      ? await this.connection.repository(ctx, OfferEntity).createQueryBuilder('o').innerJoinAndSelect('o.provider', 'p').where('o.id IN (:...ids)', { ids: offerIds }).orderBy('o.id').getMany()
      : [];
    await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), offers);
    // A request is never given again an offer it refused (the shop may still ask for it itself).
    const refused = await refusedOffers(this.manager(ctx), null);
    const engineInput = withoutRefusedPairs(
      requests.map((request) => {
        const shop = shopById.get(request.shopId);
        const comune = shop && comuneByCode.get(shop.comuneCode);
        const counts = live.get(request.shopId);
        if (!shop || !comune || !counts) throw new Error(`request ${request.id} lacks its shop, comune or counts`);
        return toEngineRequest(request, shop, comune, counts);
      }),
      offers.map(toEngineOffer),
      new Map([...refused].map(([requestId, byOffer]) => [requestId, new Set(byOffer.keys())])),
    );

    return {
      ...engineInput,
      requestEntities: new Map(requests.map((r) => [r.id, r])),
      offerEntities: new Map(offers.map((o) => [o.id, o])),
    };
  }

  private manager(ctx: RequestContext): NonNullable<RequestContext['manager']> {
    return ctx.manager ?? this.connection.dataSource.manager;
  }
}
