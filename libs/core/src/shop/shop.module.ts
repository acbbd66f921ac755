import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TerritoryModule } from '../territory/territory.module';
import { ShopService } from './shop.service';

@Module({
  imports: [AuditModule, TerritoryModule],
  providers: [ShopService],
  exports: [ShopService],
})
export class ShopModule {}
