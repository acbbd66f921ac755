import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { AuditService } from './audit.service';

/**
 * The audit trail: one append-only `audit_event` row per change, written in the change's own
 * transaction (who, what, before, after). Owns `audit_event`; every feature calls
 * AuditService.record; staff read it through ./api.
 */
@Module({
  imports: [NotificationModule],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
