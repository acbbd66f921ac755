import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { MailModule } from '../mail/mail.module';
import { NotificationModule } from '../notification/notification.module';
import { ShopModule } from '../shop/shop.module';
import { DelegationLinkService } from './delegation-link.service';
import { DelegationService } from './delegation.service';
import { PaperConsentRecords } from './paper-consent.records';

/**
 * Delegations: a shop's consent that a facilitator acts for it (invited by e-mail, chosen by the
 * shop, or recorded on paper for a shop the facilitator registers and its owner claims later),
 * until the shop revokes it. Owns `delegation`. Whether a facilitator may act for a shop now is
 * answered by the shop feature's access check, which reads the live delegations. Facilitators
 * also register many shops on paper at once from a CSV file (api/import, the `shops` import kind).
 */
@Module({
  imports: [AuditModule, AuthModule, FacilitatorModule, MailModule, NotificationModule, ShopModule],
  providers: [DelegationService, DelegationLinkService, PaperConsentRecords],
  exports: [DelegationService, DelegationLinkService, PaperConsentRecords],
})
export class DelegationModule {}
