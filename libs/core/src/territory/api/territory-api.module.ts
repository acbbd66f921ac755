import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { RegionResolver, ProvinceResolver, ComuneResolver } from './territory.resolver';
import { TerritoryExceptionFilter } from './territory.errors';
import { TerritoryModule } from '../territory.module';

@Module({
  imports: [TerritoryModule],
  providers: [RegionResolver, ProvinceResolver, ComuneResolver, { provide: APP_FILTER, useClass: TerritoryExceptionFilter }],
})
export class TerritoryApiModule {}
