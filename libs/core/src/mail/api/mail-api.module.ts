import { Module } from '@nestjs/common';
import { MailModule } from '../mail.module';
import { MailPreferenceResolver } from './mail.resolver';
import { UnsubscribeController } from './unsubscribe.controller';

/** E-mail preferences in GraphQL, and the one-click unsubscribe link (POST /disiscrizione). */
@Module({
  imports: [MailModule],
  providers: [MailPreferenceResolver],
  controllers: [UnsubscribeController],
})
export class MailApiModule {}
