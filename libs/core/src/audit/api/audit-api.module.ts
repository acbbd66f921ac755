import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditExportController } from './audit-export.controller';
import { AuditModule } from '../audit.module';

@Module({
  imports: [AuditModule],
  controllers: [AuditExportController],
  providers: [AuditResolver],
})
export class AuditApiModule {}
