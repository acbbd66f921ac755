import { Module } from '@nestjs/common';
import { MailModule } from '../mail.module';
import { MailPreferenceResolver, OutgoingMailResolver } from './mail.resolver';
import { UnsubscribeController } from './unsubscribe.controller';

/** E-mail preferences and staff's view of the outgoing mail in GraphQL, and the one-click unsubscribe link (POST /disiscrizione). */
@Module({
  imports: [MailModule],
  providers: [MailPreferenceResolver, OutgoingMailResolver],
  controllers: [UnsubscribeController],
})
export class MailApiModule {}
