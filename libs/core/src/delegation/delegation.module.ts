import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { MailModule } from '../mail/mail.module';
import { NotificationModule } from '../notification/notification.module';
import { ShopModule } from '../shop/shop.module';
import { DelegationHandoverService } from './delegation-handover.service';
import { DelegationLinkService } from './delegation-link.service';
import { DelegationRecords } from './delegation.records';
import { DelegationInvitationService } from './delegation-invitation.service';
import { ThrottleModule } from '../throttle/throttle.module';
import { DelegationService } from './delegation.service';
import { PaperConsentRecords } from './paper-consent.records';

/**
 * Delegations: a shop's consent that a facilitator acts for it (invited by e-mail, chosen by the
 * shop, or recorded on paper for a shop the facilitator registers and its owner claims later),
 * until the shop revokes it. Owns `delegation` and `delegation_handover`. Whether a facilitator may
 * act for a shop now is answered by the shop feature's access check, which reads the live
 * delegations. Facilitators also register many shops on paper at once from a CSV file (api/import,
 * the `shops` import kind), and hand a shop nobody has claimed yet over to another facilitator.
 */
@Module({
  imports: [AuditModule, AuthModule, FacilitatorModule, MailModule, NotificationModule, ShopModule, ThrottleModule],
  providers: [DelegationService, DelegationInvitationService, DelegationLinkService, DelegationHandoverService, DelegationRecords, PaperConsentRecords],
  exports: [DelegationService, DelegationInvitationService, DelegationLinkService, DelegationHandoverService, PaperConsentRecords],
})
export class DelegationModule {}
