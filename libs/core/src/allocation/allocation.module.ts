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

@Module({
  imports: [AuditModule, AuthModule, HelpRequestRecordsModule, MatchModule, MatchingModule, OfferModule, ShopModule, TerritoryModule],
  providers: [AllocationInputLoader, AllocationExecutor, AllocationRunService],
  exports: [AllocationExecutor, AllocationRunService],
})
export class AllocationModule {}
