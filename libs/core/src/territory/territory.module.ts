import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerritoryExceptionFilter } from './territory.exception';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComuneResolver, ProvinceResolver, RegionResolver } from './api/territory.resolver';
import { TerritoryService } from './territory.service';
import { TERRITORY_ENTITIES } from './territory.entities';

@Module({
  imports: [TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  providers: [TerritoryService, RegionResolver, ProvinceResolver, ComuneResolver, { provide: APP_FILTER, useClass: TerritoryExceptionFilter }],
  exports: [TerritoryService],
})
export class TerritoryModule {}
