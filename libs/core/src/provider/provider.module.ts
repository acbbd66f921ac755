import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { ProviderExceptionFilter } from './provider.exception';
import { ProviderResolver } from './api/provider.resolver';
import { ProviderService } from './provider.service';

@Module({
  imports: [AuditModule],
  providers: [ProviderService, ProviderResolver, { provide: APP_FILTER, useClass: ProviderExceptionFilter }],
  exports: [ProviderService],
})
export class ProviderModule {}
