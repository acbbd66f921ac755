import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { LoaderFactory } from './common/loader.factory';
import { ProviderModule } from './provider/provider.module';
import { ShopModule } from './shop/shop.module';
import { TerritoryModule } from './territory/territory.module';

/** Every feature module shared by the API and the worker. */
@Module({
  imports: [CommonModule, AuditModule, AuthModule, TerritoryModule, ShopModule, ProviderModule],
  providers: [LoaderFactory],
  exports: [LoaderFactory, TerritoryModule, AuthModule, AuditModule, ShopModule, ProviderModule],
})
export class CoreModule {}
