import { Module } from '@nestjs/common';
import { AllocationModule } from './allocation/allocation.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { DelegationModule } from './delegation/delegation.module';
import { FacilitatorModule } from './facilitator/facilitator.module';
import { HelpRequestModule } from './help-request/help-request.module';
import { ImportModule } from './import/import.module';
import { MailModule } from './mail/mail.module';
import { MatchModule } from './match/match.module';
import { MatchingModule } from './matching/matching.module';
import { ModerationModule } from './moderation/moderation.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NotificationModule } from './notification/notification.module';
import { OfferModule } from './offer/offer.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProviderModule } from './provider/provider.module';
import { SelectionCallModule } from './selection-call/selection-call.module';
import { ShopModule } from './shop/shop.module';
import { TerritoryModule } from './territory/territory.module';
import { ThrottleModule } from './throttle/throttle.module';

/**
 * The domain: every feature's services and tables, with no GraphQL or HTTP in it. The worker runs
 * on this alone; the API adds ApiModule (src/api/api.module.ts) on top.
 */
@Module({
  imports: [
    CommonModule,
    ThrottleModule,
    AuditModule,
    AuthModule,
    TerritoryModule,
    ShopModule,
    ProviderModule,
    FacilitatorModule,
    DelegationModule,
    OfferModule,
    HelpRequestModule,
    NotificationModule,
    MailModule,
    MatchingModule,
    MatchModule,
    AllocationModule,
    ModerationModule,
    MonitoringModule,
    PrivacyModule,
    ImportModule,
    SelectionCallModule,
  ],
  exports: [ImportModule, TerritoryModule, AuthModule, MailModule, AuditModule, ShopModule, ProviderModule, FacilitatorModule, DelegationModule, OfferModule, HelpRequestModule, MatchModule, AllocationModule, ModerationModule, PrivacyModule, SelectionCallModule],
})
export class CoreModule {}
