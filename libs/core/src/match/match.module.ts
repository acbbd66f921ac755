import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { HelpRequestRecordsModule } from '../help-request/help-request-records.module';
import { MailModule } from '../mail/mail.module';
import { MatchingModule } from '../matching/matching.module';
import { NotificationModule } from '../notification/notification.module';
import { OfferModule } from '../offer/offer.module';
import { ProviderModule } from '../provider/provider.module';
import { ShopModule } from '../shop/shop.module';
import { MatchAllocationService } from './match-allocation.service';
import { MatchApplicationService } from './match-application.service';
import { MatchSetPromotion } from './match-set-promotion';
import { MatchSetService } from './match-set.service';
import { MatchCallService } from './match-call.service';
import { MatchJournal } from './match-journal';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchLocks } from './match-locks';
import { MatchMaintenanceService } from './match-maintenance.service';
import { MatchReminderService } from './match-reminders.service';
import { MatchQueryService } from './match-query.service';
import { MatchStanding } from './match-standing';
import { OutcomeSurveyService } from './outcome-survey.service';

/**
 * Matches between a request and an offer and their whole life: applications and the waitlist,
 * sets applied to together for a bundle (held, waiting and withdrawn as one), acceptance, decline,
 * expiry, activation, completion, withdrawal, outcome surveys, the periodic
 * sweeps, and what a provider's or offer's suspension means for them. Every move goes through the
 * pure rules of match-rules.ts against one transition table. Owns `match`, `match_transition` and
 * `outcome_survey`; others call its services (allocation runs open matches through
 * MatchAllocationService, selection calls through MatchCallService).
 */
@Module({
  imports: [AuditModule, AuthModule, HelpRequestRecordsModule, MailModule, MatchingModule, NotificationModule, OfferModule, ProviderModule, ShopModule],
  providers: [
    MatchJournal,
    MatchLocks,
    MatchAllocationService,
    MatchApplicationService,
    MatchSetService,
    MatchSetPromotion,
    MatchCallService,
    MatchLifecycleService,
    MatchMaintenanceService,
    MatchQueryService,
    MatchReminderService,
    MatchStanding,
    OutcomeSurveyService,
  ],
  exports: [
    MatchLocks,
    MatchAllocationService,
    MatchLifecycleService,
    MatchMaintenanceService,
    MatchQueryService,
    MatchReminderService,
    MatchApplicationService,
    MatchSetService,
    MatchCallService,
    MatchStanding,
    OutcomeSurveyService,
  ],
})
export class MatchModule {}
