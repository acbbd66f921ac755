import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  ComuneModel,
  ProvinceModel,
  RegionModel,
  toComuneModel,
  toProvinceModel,
  toRegionModel,
} from '../../territory/api/territory.models';
import { OfferCoverageEntity } from '../offer-coverage.entity';
import { CoverageKind } from '../offer.types';
import { PROVINCE_COUNT, REGION_COUNT } from '@vec/territory';
import { ListSize } from '../../api/query-cost';
import { MAX_AREAS, MAX_RADII } from './offer.inputs';
import { required } from '../../common/required';

@ObjectType('CoverageRadius', { description: 'A circle around a comune or a point.' })
export class CoverageRadiusModel {
  @Field(() => Int) km!: number;
  @Field(() => Float, { description: 'Centre: the comune’s coordinates, or the point given.' }) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => ComuneModel, { nullable: true, description: 'The comune at the centre, if the circle was drawn around one.' })
  comune!: ComuneModel | null;
}

@ObjectType('OfferCoverage', { description: 'Where the offer is available: any mix of these areas.' })
export class OfferCoverageModel {
  @Field({ description: 'The whole of Italy.' }) national!: boolean;
  @ListSize(REGION_COUNT) @Field(() => [RegionModel]) regions!: RegionModel[];
  @ListSize(PROVINCE_COUNT) @Field(() => [ProvinceModel]) provinces!: ProvinceModel[];
  @ListSize(MAX_AREAS) @Field(() => [ComuneModel]) comuni!: ComuneModel[];
  @ListSize(MAX_RADII) @Field(() => [CoverageRadiusModel]) radii!: CoverageRadiusModel[];
}

/** A coverage row's part that its loading must have set (loadCoverage joins them). */
const present = <T>(value: T | null | undefined, what: string): T => required(value, `coverage row's ${what}`);

/** Coverage rows, loaded with their region, province and comune, as the GraphQL model. */
export function toCoverageModel(national: boolean, rows: readonly OfferCoverageEntity[]): OfferCoverageModel {
  const of = (kind: CoverageKind): OfferCoverageEntity[] => rows.filter((row) => row.kind === kind);
  return {
    national,
    regions: of(CoverageKind.REGION).map((row) => toRegionModel(present(row.region, 'region'))),
    provinces: of(CoverageKind.PROVINCE).map((row) => toProvinceModel(present(row.province, 'province'))),
    comuni: of(CoverageKind.COMUNE).map((row) => toComuneModel(present(row.comune, 'comune'))),
    radii: of(CoverageKind.RADIUS).map((row) => ({
      km: present(row.radiusKm, 'radius'),
      latitude: present(row.centerLatitude, 'centre'),
      longitude: present(row.centerLongitude, 'centre'),
      comune: row.comune ? toComuneModel(row.comune) : null,
    })),
  };
}
