import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProviderService } from './provider.service';

/**
 * Providers (technology, e-commerce, logistics and delivery companies) and their verification by
 * ministry staff: pending, approved, rejected (resubmission brings it back to pending), suspended.
 * Owns `provider`; others call ProviderService. What a suspension means for matches is moderation's.
 */
@Module({
  imports: [AuditModule],
  providers: [ProviderService],
  exports: [ProviderService],
})
export class ProviderModule {}
