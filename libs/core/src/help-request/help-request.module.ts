import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { MatchModule } from '../match/match.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { HelpRequestExceptionFilter } from './help-request.exception';
import { HelpRequestResolver } from './api/help-request.resolver';
import { HelpRequestService } from './help-request.service';

@Module({
  imports: [AuditModule, TerritoryModule, ShopModule, MatchModule],
  providers: [HelpRequestService, HelpRequestResolver, { provide: APP_FILTER, useClass: HelpRequestExceptionFilter }],
  exports: [HelpRequestService],
})
export class HelpRequestModule {}
