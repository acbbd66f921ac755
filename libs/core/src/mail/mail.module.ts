import { Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';
import { MailSettings } from './mail-settings';
import { MailService } from './mail.service';

/**
 * E-mail: an outbox of rendered messages, recorded in the transaction of the change that causes
 * them and sent by the worker through SMTP at most once each (or kept in the development mailbox
 * where no SMTP server is configured). Owns `mail_message`; others call MailService (`enqueue` in
 * their transaction, `link` for the web app's pages); the worker calls MailDeliveryService.
 */
@Module({
  providers: [MailSettings, MailService, MailDeliveryService],
  exports: [MailService, MailDeliveryService],
})
export class MailModule {}
