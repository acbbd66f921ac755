import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchModule } from '../match/match.module';
import { MatchingModule } from '../matching/matching.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { HelpRequestService } from './help-request.service';

/**
 * Help requests: what a shop asks for, one open request per service category, from open to matched,
 * fulfilled or cancelled, and bundles of several services asked together (HelpRequestBundleService,
 * in HelpRequestRecordsModule, reads them). Owns `help_request` and `help_request_bundle`; the match, matching and allocation features reach it
 * through HelpRequestRecords (its own module, to avoid a cycle with the match feature).
 */
@Module({
  imports: [AuditModule, TerritoryModule, ShopModule, MatchModule, MatchingModule],
  providers: [HelpRequestService],
  exports: [HelpRequestService],
})
export class HelpRequestModule {}
