import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProviderService } from './provider.service';

@Module({
  imports: [AuditModule],
  providers: [ProviderService],
  exports: [ProviderService],
})
export class ProviderModule {}
