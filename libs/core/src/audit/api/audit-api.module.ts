import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditModule } from '../audit.module';

@Module({
  imports: [AuditModule],
  providers: [AuditResolver],
})
export class AuditApiModule {}
