import DataLoader from 'dataloader';
import type { FacilitatorEntity } from '../facilitator/facilitator.entity';
import type { HelpRequestEntity } from '../help-request/help-request.entity';
import type { RecordedStep } from '../match/match-query.service';
import type { MatchState } from '../match/match.types';
import type { OutcomeSurveyEntity } from '../match/outcome-survey.entity';
import type { OfferEntity } from '../offer/offer.entity';
import type { ProviderEntity } from '../provider/provider.entity';
import type { ShopEntity } from '../shop/shop.entity';
import type { ComuneEntity } from '../territory/comune.entity';

/** Per-request batch loaders, so that a page of results costs one query per relation. */
export interface Loaders {
  comune: DataLoader<string, ComuneEntity | undefined>;
  provider: DataLoader<string, ProviderEntity | undefined>;
  shop: DataLoader<string, ShopEntity | undefined>;
  /** With coverage rows. */
  offer: DataLoader<string, OfferEntity | undefined>;
  helpRequest: DataLoader<string, HelpRequestEntity | undefined>;
  matchTransitions: DataLoader<string, RecordedStep[]>;
  matchSurveys: DataLoader<string, OutcomeSurveyEntity[]>;
  waitlistPosition: DataLoader<string, number | null>;
  matchState: DataLoader<string, MatchState | undefined>;
  /** The partner offers each offer declares that shops see, with their provider. */
  offerIntegrations: DataLoader<string, OfferEntity[]>;
  offerUsage: DataLoader<string, { pending: number; accepted: number; active: number; completed: number; waitlisted: number }>;
  facilitator: DataLoader<string, FacilitatorEntity | undefined>;
  /** By owner account: whether the account owning a provider or facilitator was erased. */
  ownerErased: DataLoader<string, boolean>;
}
