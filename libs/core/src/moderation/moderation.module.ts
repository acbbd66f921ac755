import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DelegationModule } from '../delegation/delegation.module';
import { MailModule } from '../mail/mail.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { MatchModule } from '../match/match.module';
import { NotificationModule } from '../notification/notification.module';
import { OfferModule } from '../offer/offer.module';
import { ProviderModule } from '../provider/provider.module';
import { ModerationService } from './moderation.service';

/**
 * Ministry staff's decisions on providers, facilitator organisations and offers (verify, reject, suspend, reinstate) and
 * what they mean for shops' matches, applied through the owning features. Owns no table.
 */
@Module({
  imports: [AuditModule, DelegationModule, MailModule, ProviderModule, FacilitatorModule, OfferModule, MatchModule, NotificationModule],
  providers: [ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {}
