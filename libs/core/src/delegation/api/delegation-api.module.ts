import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DelegationModule } from '../delegation.module';
import { DelegationHandoverResolver } from './delegation-handover.resolver';
import { DelegationExceptionFilter } from './delegation.errors';
import { DelegationResolver } from './delegation.resolver';
import { FacilitatorModule } from '../../facilitator/facilitator.module';
import { ShopModule } from '../../shop/shop.module';
import { TerritoryModule } from '../../territory/territory.module';
import { ShopImportKind } from './import/shop-import.kind';

@Module({
  imports: [DelegationModule, FacilitatorModule, ShopModule, TerritoryModule],
  providers: [DelegationResolver, DelegationHandoverResolver, ShopImportKind, { provide: APP_FILTER, useClass: DelegationExceptionFilter }],
  exports: [ShopImportKind],
})
export class DelegationApiModule {}
