import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoryService } from './territory.service';
import { TERRITORY_ENTITIES } from './territory.entities';

@Module({
  imports: [TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  providers: [TerritoryService],
  exports: [TerritoryService],
})
export class TerritoryModule {}
