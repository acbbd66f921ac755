import { Injectable } from '@nestjs/common';
import { explainAll, IneligibilityReason, RankedOffer } from '@vec/matching';
import { isStaff, requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestErrorCode, HelpRequestException } from '../help-request/help-request.exception';
import { Refusal, refusedOffers } from '../match/refused-offers';
import { OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { OfferService } from '../offer/offer.service';
import type { ShopEntity } from '../shop/shop.entity';
import { ShopService } from '../shop/shop.service';
import { toEngineOffer } from './engine-input.mapper';
import { MatchingData } from './matching-data';

export interface RankedCandidate {
  ranked: RankedOffer;
  offer: OfferEntity;
}

export interface ShopLimits {
  liveMatches: number;
  maxLiveMatches: number;
  liveInCategory: number;
}

export interface RefusedCandidate extends RankedCandidate {
  waitlistOnly: boolean;
  refusal: Refusal;
}

export interface Recommendations {
  helpRequestId: string;
  shopLimits: ShopLimits;
  eligible: RankedCandidate[];
  waitlist: RankedCandidate[];
  notEligible: { offer: OfferEntity; failed: readonly IneligibilityReason[] }[];
  /** Offers that would fit but that the request refused: never ranked among the others. */
  refused: RefusedCandidate[];
  candidateCount: number;
}

export interface OfferEligibility {
  helpRequestId: string;
  offer: OfferEntity;
  failed: readonly IneligibilityReason[];
  ranking: RankedCandidate | null;
}

/**
 * Online matching for one request: candidates come from SQL through the coverage index, the pure
 * engine judges and ranks them. Shops see their own requests; ministry staff any.
 */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly data: MatchingData,
    private readonly offers: OfferService,
    private readonly offerRecords: OfferRecords,
    private readonly requests: HelpRequestRecords,
    private readonly shops: ShopService,
  ) {}

  async recommend(ctx: RequestContext, helpRequestId: string, first: number): Promise<Recommendations> {
    const { request, shop } = await this.requestFor(ctx, helpRequestId);
    const engineRequest = await this.data.engineRequest(ctx, request, shop);
    const offers = await this.offerRecords.candidatesFor(ctx, engineRequest);
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    const offerOf = (id: string): OfferEntity => {
      const offer = byId.get(id);
      if (!offer) throw new Error(`engine returned unknown offer ${id}`);
      return offer;
    };
    const context = this.data.context(ctx);
    const explained = explainAll(engineRequest, offers.map(toEngineOffer), context);
    const live = engineRequest.shopLiveMatches;
    const refusals = (await refusedOffers(this.connection.manager(ctx), [helpRequestId])).get(helpRequestId) ?? new Map<string, Refusal>();
    const fresh = (ranked: RankedOffer): boolean => !refusals.has(ranked.offerId);
    const refused = [...explained.ranked.map((ranked) => ({ ranked, waitlistOnly: false })), ...explained.waitlist.map((ranked) => ({ ranked, waitlistOnly: true }))].flatMap(
      ({ ranked, waitlistOnly }) => {
        const refusal = refusals.get(ranked.offerId);
        return refusal ? [{ ranked, offer: offerOf(ranked.offerId), waitlistOnly, refusal }] : [];
      },
    );
    return {
      helpRequestId,
      shopLimits: { liveMatches: live.total, maxLiveMatches: context.maxLiveMatchesPerShop, liveInCategory: live.byCategory[engineRequest.category] ?? 0 },
      eligible: explained.ranked.filter(fresh).slice(0, first).map((ranked) => ({ ranked, offer: offerOf(ranked.offerId) })),
      waitlist: explained.waitlist.filter(fresh).slice(0, first).map((ranked) => ({ ranked, offer: offerOf(ranked.offerId) })),
      notEligible: explained.ineligible.slice(0, first).map(({ offerId, failed }) => ({ offer: offerOf(offerId), failed })),
      refused: refused.slice(0, first),
      candidateCount: offers.length,
    };
  }

  /** Any offer the caller may see, judged against the request: every rule it fails, or its score. */
  async eligibilityOf(ctx: RequestContext, helpRequestId: string, offerId: string): Promise<OfferEligibility> {
    const { request, shop } = await this.requestFor(ctx, helpRequestId);
    const visible = await this.offers.get(ctx, offerId);
    const [offer] = await this.offerRecords.forMatching(ctx, [visible.id]);
    const engineRequest = await this.data.engineRequest(ctx, request, shop);
    const explained = explainAll(engineRequest, [toEngineOffer(offer)], this.data.context(ctx));
    const ranked = explained.ranked[0] ?? explained.waitlist[0];
    const failed = explained.ranked.length > 0 ? [] : explained.waitlist.length > 0 ? (['FULL'] as const) : (explained.ineligible[0]?.failed ?? []);
    return { helpRequestId, offer, failed, ranking: ranked ? { ranked, offer } : null };
  }


  /** The request and its shop, if the caller owns it or is staff; otherwise it does not exist. */
  private async requestFor(ctx: RequestContext, id: string): Promise<{ request: HelpRequestEntity; shop: ShopEntity }> {
    const actor = requireActor(ctx);
    const request = await this.requests.findWithShop(ctx, id);
    if (!request?.shop || (!isStaff(actor) && !(await this.shops.actsFor(ctx, request.shop.id)))) {
      throw new HelpRequestException(HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, 'helpRequestId');
    }
    return { request, shop: request.shop };
  }
}
