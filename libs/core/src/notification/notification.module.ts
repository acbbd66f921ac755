import { Module } from '@nestjs/common';
import { NotificationService } from './notification.service';

/**
 * In-app notifications: one row per person and event, written in the transaction of the change
 * that caused it, read and marked read by their owner. Owns `notification`; others call
 * NotificationService (`notify`, `notifyAll`).
 */
@Module({
  providers: [NotificationService],
  exports: [NotificationService],
})
export class NotificationModule {}
