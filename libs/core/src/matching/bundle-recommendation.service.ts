import { Injectable } from '@nestjs/common';
import { BundlePartInput, explainAll, recommendSets, RankingExplanation, SetRecommendations } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestBundleService } from '../help-request/help-request-bundle.service';
import type { HelpRequestBundleEntity } from '../help-request/help-request-bundle.entity';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { refusedOffers } from '../match/refused-offers';
import { waitingRequests } from '../match/waiting-requests';
import { OfferIntegrationService } from '../offer/offer-integration.service';
import { OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { toEngineOffer } from './engine-input.mapper';
import { MatchingData } from './matching-data';

export interface BundleRecommendations {
  bundle: HelpRequestBundleEntity;
  requests: HelpRequestEntity[];
  /** The OPEN parts the sets are for (those already matched, waiting on a waitlist, fulfilled or cancelled are left out). */
  openRequestIds: string[];
  result: SetRecommendations;
  offers: ReadonlyMap<string, OfferEntity>;
}

/**
 * Set recommendations for a shop's bundle: each OPEN part is judged by the engine like a single
 * request (candidates narrowed in SQL, offers the part refused left out), then the pure set
 * search (libs/matching/src/bundles) combines them with the integrations the offers declare.
 * A part already matched keeps its offer; a declined one is OPEN again and gets new proposals.
 */
@Injectable()
export class BundleRecommendationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly data: MatchingData,
    private readonly bundles: HelpRequestBundleService,
    private readonly offerRecords: OfferRecords,
    private readonly integrations: OfferIntegrationService,
  ) {}

  async recommend(ctx: RequestContext, bundleId: string): Promise<BundleRecommendations> {
    const { bundle, requests } = await this.bundles.get(ctx, bundleId, 'bundleId');
    // A part waiting on a waitlist (alone or in a waiting set) is not open for another set.
    const waiting = await waitingRequests(this.connection.manager(ctx), requests.map((request) => request.id));
    const open = requests.filter((request) => request.status === HelpRequestStatus.OPEN && !waiting.has(request.id));
    const shop = await this.bundles.shopOf(ctx, bundle);
    const refusals = await refusedOffers(this.connection.manager(ctx), open.map((request) => request.id));
    const offers = new Map<string, OfferEntity>();
    const parts: BundlePartInput[] = [];
    let room = Number.POSITIVE_INFINITY;
    for (const request of open) {
      const engineRequest = await this.data.engineRequest(ctx, request, shop);
      room = this.data.context(ctx).maxLiveMatchesPerShop - engineRequest.shopLiveMatches.total;
      const candidates = await this.offerRecords.candidatesFor(ctx, engineRequest);
      for (const offer of candidates) offers.set(offer.id, offer);
      const refused = refusals.get(request.id);
      const explained = explainAll(engineRequest, candidates.map(toEngineOffer), this.data.context(ctx));
      const fresh: RankingExplanation = {
        ranked: explained.ranked.filter((r) => !refused?.has(r.offerId)),
        waitlist: explained.waitlist.filter((r) => !refused?.has(r.offerId)),
        ineligible: explained.ineligible,
      };
      const refusedOfferIds = [...explained.ranked, ...explained.waitlist].map((r) => r.offerId).filter((id) => refused?.has(id));
      parts.push({ requestId: request.id, category: request.category, explanation: fresh, refusedOfferIds });
    }
    const facts = [...offers.values()].map((offer) => ({ offerId: offer.id, providerId: offer.providerId, seatsLeft: Math.max(0, offer.capacity - offer.used) }));
    const links = await this.integrations.linksAmong(ctx, [...offers.keys()]);
    const result = recommendSets(parts, facts, links, { room: Number.isFinite(room) ? Math.max(0, room) : 0 });
    return { bundle, requests, openRequestIds: open.map((request) => request.id), result, offers };
  }
}
