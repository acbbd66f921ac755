import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TerritoryModule } from '../territory/territory.module';
import { ShopService } from './shop.service';

/**
 * Shops and artisans: their profile (legal data, ATECO sector, comune and point, size) and who may
 * see or change it. Owns `shop`; others call ShopService to find, list or lock shops.
 */
@Module({
  imports: [AuditModule, TerritoryModule],
  providers: [ShopService],
  exports: [ShopService],
})
export class ShopModule {}
