import { AllocationRunItemEntity } from './allocation/allocation-run-item.entity';
import { AllocationRunEntity } from './allocation/allocation-run.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { UserAccountEntity } from './auth/user-account.entity';
import { DelegationEntity } from './delegation/delegation.entity';
import { FacilitatorEntity } from './facilitator/facilitator.entity';
import { HelpRequestEntity } from './help-request/help-request.entity';
import { MailMessageEntity } from './mail/mail-message.entity';
import { MatchTransitionEntity } from './match/match-transition.entity';
import { MatchEntity } from './match/match.entity';
import { OutcomeSurveyEntity } from './match/outcome-survey.entity';
import { NotificationEntity } from './notification/notification.entity';
import { OfferCoverageEntity } from './offer/offer-coverage.entity';
import { OfferEntity } from './offer/offer.entity';
import { ProviderEntity } from './provider/provider.entity';
import { ShopEntity } from './shop/shop.entity';
import { TERRITORY_ENTITIES } from './territory/territory.entities';

/** Every TypeORM entity of the platform, for the data source of the API, worker and CLI. */
export const ALL_ENTITIES = [
  ...TERRITORY_ENTITIES,
  UserAccountEntity,
  RefreshTokenEntity,
  AuditEventEntity,
  ShopEntity,
  ProviderEntity,
  FacilitatorEntity,
  DelegationEntity,
  OfferEntity,
  OfferCoverageEntity,
  HelpRequestEntity,
  MatchEntity,
  MatchTransitionEntity,
  OutcomeSurveyEntity,
  NotificationEntity,
  AllocationRunEntity,
  AllocationRunItemEntity,
  MailMessageEntity,
];
