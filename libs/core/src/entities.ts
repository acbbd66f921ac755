import { AllocationRunItemEntity } from './allocation/allocation-run-item.entity';
import { AllocationRunEntity } from './allocation/allocation-run.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AccountTokenEntity } from './auth/account-token.entity';
import { IdentityLinkEntity } from './auth/oidc/identity-link.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { UserAccountEntity } from './auth/user-account.entity';
import { ImportJobEntity } from './import/import-job.entity';
import { ImportRowEntity } from './import/import-row.entity';
import { DelegationEntity } from './delegation/delegation.entity';
import { DelegationHandoverEntity } from './delegation/delegation-handover.entity';
import { FacilitatorEntity } from './facilitator/facilitator.entity';
import { HelpRequestEntity } from './help-request/help-request.entity';
import { HelpRequestBundleEntity } from './help-request/help-request-bundle.entity';
import { MailMessageEntity } from './mail/mail-message.entity';
import { MailPreferenceEntity } from './mail/mail-preference.entity';
import { MatchTransitionEntity } from './match/match-transition.entity';
import { MatchEntity } from './match/match.entity';
import { OutcomeSurveyEntity } from './match/outcome-survey.entity';
import { NotificationEntity } from './notification/notification.entity';
import { OfferCoverageEntity } from './offer/offer-coverage.entity';
import { OfferEntity } from './offer/offer.entity';
import { OfferIntegrationEntity } from './offer/offer-integration.entity';
import { PrivacyNoticeAcceptanceEntity } from './auth/privacy-notice-acceptance.entity';
import { ProviderEntity } from './provider/provider.entity';
import { CallApplicationEntity } from './selection-call/call-application.entity';
import { SelectionCallOfferEntity } from './selection-call/selection-call-offer.entity';
import { SelectionCallEntity } from './selection-call/selection-call.entity';
import { CallPublisherEntity } from './selection-call/call-publisher.entity';
import { ShopEntity } from './shop/shop.entity';
import { TERRITORY_ENTITIES } from './territory/territory.entities';

/** Every TypeORM entity of the platform, for the data source of the API, worker and CLI. */
export const ALL_ENTITIES = [
  ...TERRITORY_ENTITIES,
  UserAccountEntity,
  RefreshTokenEntity,
  AccountTokenEntity,
  IdentityLinkEntity,
  AuditEventEntity,
  ShopEntity,
  ProviderEntity,
  FacilitatorEntity,
  DelegationEntity,
  DelegationHandoverEntity,
  OfferEntity,
  OfferCoverageEntity,
  OfferIntegrationEntity,
  HelpRequestBundleEntity,
  HelpRequestEntity,
  MatchEntity,
  MatchTransitionEntity,
  OutcomeSurveyEntity,
  NotificationEntity,
  AllocationRunEntity,
  AllocationRunItemEntity,
  MailMessageEntity,
  PrivacyNoticeAcceptanceEntity,
  MailPreferenceEntity,
  ImportJobEntity,
  ImportRowEntity,
  SelectionCallEntity,
  CallPublisherEntity,
  SelectionCallOfferEntity,
  CallApplicationEntity,
];
