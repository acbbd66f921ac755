import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { HelpRequestRecordsModule } from '../help-request/help-request-records.module';
import { MatchModule } from '../match/match.module';
import { MatchingModule } from '../matching/matching.module';
import { OfferModule } from '../offer/offer.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { AllocationExecutor } from './allocation-executor.service';
import { AllocationInputLoader } from './allocation-input.loader';
import { AllocationRunService } from './allocation-run.service';

/**
 * Allocation runs: ministry staff preview, commit or schedule a run that assigns open requests to
 * offers all at once with the exact allocator of libs/matching, in one transaction, with a reason
 * for every request left unserved. Owns `allocation_run` and `allocation_run_item`; the matches a
 * run opens are written by the match feature.
 */
@Module({
  imports: [AuditModule, AuthModule, HelpRequestRecordsModule, MatchModule, MatchingModule, OfferModule, ShopModule, TerritoryModule],
  providers: [AllocationInputLoader, AllocationExecutor, AllocationRunService],
  exports: [AllocationExecutor, AllocationRunService],
})
export class AllocationModule {}
