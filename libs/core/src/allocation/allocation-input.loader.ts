import { Injectable } from '@nestjs/common';
import { ExcludedPairs, MatchingOffer, MatchingRequest } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { refusedOffers } from '../match/refused-offers';
import { toEngineOffer, toEngineRequest } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import { OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { ShopService } from '../shop/shop.service';
import { TerritoryService } from '../territory/territory.service';

export interface AllocationInput {
  requests: MatchingRequest[];
  offers: MatchingOffer[];
  /** Per request, the offers it refused: the run must not give them to it again. */
  excludedPairs: ExcludedPairs;
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
    private readonly requests: HelpRequestRecords,
    private readonly offers: OfferRecords,
    private readonly shops: ShopService,
    private readonly territory: TerritoryService,
  ) {}

  /** The valid offers' ids, to lock them before anything is read that depends on them. */
  validOfferIds(ctx: RequestContext): Promise<string[]> {
    return this.offers.validIds(ctx);
  }

  /** Shops with an open request that has no live match. */
  openRequestShopIds(ctx: RequestContext): Promise<string[]> {
    return this.requests.shopIdsOfOpenWithoutLiveMatch(ctx);
  }

  /** Locks these requests (after offers and shops, the order every match change uses) and returns those still OPEN. */
  async lockOpen(ctx: RequestContext, requestIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.requests.lockMany(ctx, requestIds);
    return new Set(rows.filter((r) => r.status === HelpRequestStatus.OPEN).map((r) => r.id));
  }

  async load(ctx: RequestContext, offerIds: readonly string[]): Promise<AllocationInput> {
    const requests = await this.requests.openWithoutLiveMatch(ctx);
    const shopIds = [...new Set(requests.map((r) => r.shopId))];
    const shops = await this.shops.findMany(ctx, shopIds);
    const comuni = await this.territory.comuniByCode(ctx, [...new Set(shops.map((s) => s.comuneCode))]);
    const live = await this.data.liveMatches(ctx, shopIds);
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const comuneByCode = new Map(comuni.map((c) => [c.code, c]));
    // In id order, as validOfferIds gives them.
    const offers = await this.offers.forMatching(ctx, offerIds);
    // A request is never given again an offer it refused (the shop may still ask for it itself).
    const refused = await refusedOffers(this.connection.manager(ctx), null);
    return {
      requests: requests.map((request) => {
        const shop = shopById.get(request.shopId);
        const comune = shop && comuneByCode.get(shop.comuneCode);
        const counts = live.get(request.shopId);
        if (!shop || !comune || !counts) throw new Error(`request ${request.id} lacks its shop, comune or counts`);
        // A bundle's requests form one set: a run with completeSetsOnly serves them all or none.
        return { ...toEngineRequest(request, shop, comune, counts), setId: request.bundleId };
      }),
      offers: offers.map(toEngineOffer),
      excludedPairs: new Map([...refused].map(([requestId, byOffer]) => [requestId, new Set(byOffer.keys())])),
      requestEntities: new Map(requests.map((r) => [r.id, r])),
      offerEntities: new Map(offers.map((o) => [o.id, o])),
    };
  }
}
