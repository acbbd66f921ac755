import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchModule } from '../match/match.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { HelpRequestService } from './help-request.service';

@Module({
  imports: [AuditModule, TerritoryModule, ShopModule, MatchModule],
  providers: [HelpRequestService],
  exports: [HelpRequestService],
})
export class HelpRequestModule {}
