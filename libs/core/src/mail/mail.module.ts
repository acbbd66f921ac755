import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailDeliveryService } from './mail-delivery.service';
import { MailDigestService } from './mail-digest.service';
import { MailOutboxService } from './mail-outbox.service';
import { MailPreferenceService } from './mail-preference.service';
import { MailSettings } from './mail-settings';
import { MailService } from './mail.service';

/**
 * E-mail: an outbox of rendered messages, recorded in the transaction of the change that causes
 * them and sent by the worker through SMTP at most once each (or kept in the development mailbox
 * where no SMTP server is configured), each as its recipient wants the kind: at once, in the
 * daily digest, or not at all. Owns `mail_message` and `mail_preference`; others call MailService
 * (`enqueue` in their transaction, `link` for the web app's pages); the worker calls
 * MailDeliveryService and MailDigestService; staff's screen calls MailOutboxService.
 */
@Module({
  imports: [AuditModule],
  providers: [MailSettings, MailService, MailDeliveryService, MailPreferenceService, MailDigestService, MailOutboxService],
  exports: [MailService, MailDeliveryService, MailPreferenceService, MailDigestService, MailOutboxService],
})
export class MailModule {}
