import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchModule } from '../match/match.module';
import { MatchingModule } from '../matching/matching.module';
import { AllocationExecutor } from './allocation-executor.service';
import { AllocationInputLoader } from './allocation-input.loader';
import { AllocationRunService } from './allocation-run.service';

@Module({
  imports: [AuditModule, MatchModule, MatchingModule],
  providers: [AllocationInputLoader, AllocationExecutor, AllocationRunService],
  exports: [AllocationExecutor, AllocationRunService],
})
export class AllocationModule {}
