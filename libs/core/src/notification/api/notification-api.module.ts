import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver';
import { NotificationModule } from '../notification.module';

@Module({
  imports: [NotificationModule],
  providers: [NotificationResolver],
})
export class NotificationApiModule {}
