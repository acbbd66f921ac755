import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchingModule } from '../matching/matching.module';
import { NotificationModule } from '../notification/notification.module';
import { ShopModule } from '../shop/shop.module';
import { MatchApplicationService } from './match-application.service';
import { MatchJournal } from './match-journal';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchMaintenanceService } from './match-maintenance.service';
import { MatchQueryService } from './match-query.service';
import { OutcomeSurveyService } from './outcome-survey.service';

@Module({
  imports: [AuditModule, ShopModule, MatchingModule, NotificationModule],
  providers: [
    MatchJournal,
    MatchApplicationService,
    MatchLifecycleService,
    MatchMaintenanceService,
    MatchQueryService,
    OutcomeSurveyService
  ],
  exports: [MatchJournal, MatchLifecycleService, MatchMaintenanceService, MatchQueryService, MatchApplicationService, OutcomeSurveyService],
})
export class MatchModule {}
