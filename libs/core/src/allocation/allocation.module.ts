import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { MatchModule } from '../match/match.module';
import { MatchingModule } from '../matching/matching.module';
import { AllocationExecutor } from './allocation-executor.service';
import { AllocationInputLoader } from './allocation-input.loader';
import { AllocationRunService } from './allocation-run.service';
import { AllocationExceptionFilter } from './allocation.exception';
import { AllocationResolver, AllocationRunItemResolver } from './api/allocation.resolver';

@Module({
  imports: [AuditModule, MatchModule, MatchingModule],
  providers: [AllocationInputLoader, AllocationExecutor, AllocationRunService, AllocationResolver, AllocationRunItemResolver, { provide: APP_FILTER, useClass: AllocationExceptionFilter }],
  exports: [AllocationExecutor, AllocationRunService],
})
export class AllocationModule {}
