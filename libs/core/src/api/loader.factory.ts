import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { HelpRequestService } from '../help-request/help-request.service';
import { MatchQueryService } from '../match/match-query.service';
import { OfferIntegrationService } from '../offer/offer-integration.service';
import { OfferService } from '../offer/offer.service';
import { ProviderService } from '../provider/provider.service';
import { ShopService } from '../shop/shop.service';
import { TerritoryService } from '../territory/territory.service';
import type { Loaders } from './loaders';

/** Builds a fresh set of loaders for each request (caches never outlive the request). */
@Injectable()
export class LoaderFactory {
  constructor(
    private readonly territory: TerritoryService,
    private readonly providers: ProviderService,
    private readonly shops: ShopService,
    private readonly offers: OfferService,
    private readonly helpRequests: HelpRequestService,
    private readonly matches: MatchQueryService,
    private readonly facilitators: FacilitatorService,
    private readonly integrations: OfferIntegrationService,
  ) {}

  create(): Loaders {
    return {
      comune: new DataLoader((codes: readonly string[]) => this.territory.findComuniByCodes(codes)),
      provider: new DataLoader((ids: readonly string[]) => this.providers.findByIds(ids)),
      shop: new DataLoader((ids: readonly string[]) => this.shops.findByIds(ids)),
      offer: new DataLoader((ids: readonly string[]) => this.offers.findByIds(ids)),
      helpRequest: new DataLoader((ids: readonly string[]) => this.helpRequests.findByIds(ids)),
      matchTransitions: new DataLoader((ids: readonly string[]) => this.matches.stepsOf(ids, (users) => this.facilitators.namesByOwners(undefined, users))),
      matchSurveys: new DataLoader((ids: readonly string[]) => this.matches.surveysOf(ids)),
      waitlistPosition: new DataLoader((ids: readonly string[]) => this.matches.waitlistPositionsOf(ids)),
      matchState: new DataLoader((ids: readonly string[]) => this.matches.statesOf(ids)),
      offerIntegrations: new DataLoader((ids: readonly string[]) => this.integrations.partnersShownOf(ids)),
      offerUsage: new DataLoader((ids: readonly string[]) => this.matches.usageOf(ids)),
      facilitator: new DataLoader((ids: readonly string[]) => this.facilitators.findByIds(ids)),
      ownerErased: new DataLoader((ids: readonly string[]) => this.providers.erasedOwners(ids)),
    };
  }
}
