import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { MailModule } from '../mail/mail.module';
import { NotificationModule } from '../notification/notification.module';
import { MatchModule } from '../match/match.module';
import { OfferModule } from '../offer/offer.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { CallApplicationService } from './call-application.service';
import { CallPublisherService } from './call-publisher.service';
import { CallAdmissionCheck } from './call-admission-check';
import { CallClosingService } from './call-closing.service';
import { CallOutcomes } from './call-outcomes';
import { CallResultsService } from './call-results.service';
import { SelectionCallService } from './selection-call.service';

/**
 * Selection calls (bandi): ministry staff, or a verified organisation they authorise (a grant in
 * `call_publisher`, CallPublisherService), publish a call giving places on some offers, with
 * published eligibility rules, scoring criteria with weights and a tie-break; shops apply within
 * the window; at the closing the pure engine (libs/matching/src/selection) ranks them, the first
 * take places through the match feature (MatchCallService) and the rest wait in reserve; the
 * graduatoria is public. Owns `selection_call`, `selection_call_offer`, `call_application` and `call_publisher`.
 */
@Module({
  imports: [AuditModule, AuthModule, FacilitatorModule, MailModule, MatchModule, NotificationModule, OfferModule, ShopModule, TerritoryModule],
  providers: [CallPublisherService, SelectionCallService, CallApplicationService, CallClosingService, CallResultsService, CallOutcomes, CallAdmissionCheck],
  exports: [CallPublisherService, SelectionCallService, CallApplicationService, CallClosingService, CallResultsService, CallAdmissionCheck],
})
export class SelectionCallModule {}
