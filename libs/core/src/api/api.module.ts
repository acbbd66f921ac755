import { Module } from '@nestjs/common';
import { AllocationApiModule } from '../allocation/api/allocation-api.module';
import { AuditApiModule } from '../audit/api/audit-api.module';
import { AuthApiModule } from '../auth/api/auth-api.module';
import { OidcApiModule } from '../auth/oidc/api/oidc-api.module';
import { CoreModule } from '../core.module';
import { DelegationApiModule } from '../delegation/api/delegation-api.module';
import { FacilitatorApiModule } from '../facilitator/api/facilitator-api.module';
import { HelpRequestApiModule } from '../help-request/api/help-request-api.module';
import { MailApiModule } from '../mail/api/mail-api.module';
import { ImportApiModule } from '../import/api/import-api.module';
import { MatchApiModule } from '../match/api/match-api.module';
import { MatchingApiModule } from '../matching/api/matching-api.module';
import { ModerationApiModule } from '../moderation/api/moderation-api.module';
import { MonitoringApiModule } from '../monitoring/api/monitoring-api.module';
import { NotificationApiModule } from '../notification/api/notification-api.module';
import { OfferApiModule } from '../offer/api/offer-api.module';
import { PrivacyApiModule } from '../privacy/api/privacy-api.module';
import { ProviderApiModule } from '../provider/api/provider-api.module';
import { SelectionCallApiModule } from '../selection-call/api/selection-call-api.module';
import { ShopApiModule } from '../shop/api/shop-api.module';
import { TerritoryApiModule } from '../territory/api/territory-api.module';
import { ThrottleApiModule } from '../throttle/api/throttle-api.module';
import { LoaderFactory } from './loader.factory';

/**
 * The API layer on top of the domain (CoreModule): each feature's resolvers, inputs, models and
 * error mappings live in its own `api/` folder and are gathered here, with the per-request
 * loaders. Only the API process imports it; domain files never import from an `api/` folder.
 */
@Module({
  imports: [
    CoreModule,
    AuthApiModule,
    OidcApiModule,
    ThrottleApiModule,
    AuditApiModule,
    TerritoryApiModule,
    ShopApiModule,
    ProviderApiModule,
    FacilitatorApiModule,
    DelegationApiModule,
    OfferApiModule,
    HelpRequestApiModule,
    NotificationApiModule,
    MailApiModule,
    MatchingApiModule,
    MatchApiModule,
    AllocationApiModule,
    ModerationApiModule,
    MonitoringApiModule,
    PrivacyApiModule,
    ImportApiModule,
    SelectionCallApiModule,
  ],
  providers: [LoaderFactory],
  exports: [LoaderFactory],
})
export class ApiModule {}
