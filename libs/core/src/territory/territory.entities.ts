import { ComuneEntity } from './comune.entity';
import { ProvinceEntity } from './province.entity';
import { RegionEntity } from './region.entity';

export const TERRITORY_ENTITIES = [RegionEntity, ProvinceEntity, ComuneEntity];
