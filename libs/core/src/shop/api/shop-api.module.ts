import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ShopResolver } from './shop.resolver';
import { ShopExceptionFilter } from './shop.errors';
import { ShopModule } from '../shop.module';

@Module({
  imports: [ShopModule],
  providers: [ShopResolver, { provide: APP_FILTER, useClass: ShopExceptionFilter }],
})
export class ShopApiModule {}
