import { Module } from '@nestjs/common';
import { AuditResolver } from './api/audit.resolver';
import { AuditService } from './audit.service';

@Module({
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
