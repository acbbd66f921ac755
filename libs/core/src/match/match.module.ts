import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HelpRequestRecordsModule } from '../help-request/help-request-records.module';
import { MatchingModule } from '../matching/matching.module';
import { NotificationModule } from '../notification/notification.module';
import { OfferModule } from '../offer/offer.module';
import { ProviderModule } from '../provider/provider.module';
import { ShopModule } from '../shop/shop.module';
import { MatchAllocationService } from './match-allocation.service';
import { MatchApplicationService } from './match-application.service';
import { MatchJournal } from './match-journal';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchLocks } from './match-locks';
import { MatchMaintenanceService } from './match-maintenance.service';
import { MatchQueryService } from './match-query.service';
import { MatchStanding } from './match-standing';
import { OutcomeSurveyService } from './outcome-survey.service';

@Module({
  imports: [AuditModule, HelpRequestRecordsModule, MatchingModule, NotificationModule, OfferModule, ProviderModule, ShopModule],
  providers: [
    MatchJournal,
    MatchLocks,
    MatchAllocationService,
    MatchApplicationService,
    MatchLifecycleService,
    MatchMaintenanceService,
    MatchQueryService,
    MatchStanding,
    OutcomeSurveyService,
  ],
  exports: [
    MatchLocks,
    MatchAllocationService,
    MatchLifecycleService,
    MatchMaintenanceService,
    MatchQueryService,
    MatchApplicationService,
    MatchStanding,
    OutcomeSurveyService,
  ],
})
export class MatchModule {}
