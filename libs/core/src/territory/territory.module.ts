import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoryService } from './territory.service';
import { TERRITORY_ENTITIES } from './territory.entities';

/**
 * The Italian territory: regions, provinces and comuni (ISTAT codes, names, coordinates), loaded
 * by a migration from the registry datasets in libs/territory and read-only at run time. Owns the
 * `region`, `province` and `comune` tables; others call TerritoryService to look up or search a
 * comune and to check a code. The GraphQL face (search, lists) is in ./api.
 */
@Module({
  imports: [TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  providers: [TerritoryService],
  exports: [TerritoryService],
})
export class TerritoryModule {}
