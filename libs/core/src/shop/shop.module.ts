import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { TerritoryModule } from '../territory/territory.module';
import { ShopExceptionFilter } from './shop.exception';
import { ShopResolver } from './api/shop.resolver';
import { ShopService } from './shop.service';

@Module({
  imports: [AuditModule, TerritoryModule],
  providers: [ShopService, ShopResolver, { provide: APP_FILTER, useClass: ShopExceptionFilter }],
  exports: [ShopService],
})
export class ShopModule {}
