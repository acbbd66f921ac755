import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CoordinatesSource } from '@vec/territory';
import { ComuneEntity } from '../comune.entity';
import { ProvinceEntity } from '../province.entity';
import { RegionEntity } from '../region.entity';
import { required } from '../../common/required';

registerEnumType(CoordinatesSource, {
  name: 'CoordinatesSource',
  description: "How a comune's coordinates were obtained.",
  valuesMap: {
    EXACT: { description: "The comune's own coordinates (GeoNames gazetteer)." },
    PROVINCE_CAPITAL: { description: "Not in the gazetteer: the province capital's coordinates." },
  },
});

@ObjectType('Region', { description: 'One of the 20 Italian regions.' })
export class RegionModel {
  @Field({ description: 'ISTAT code, 2 digits.' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'ISTAT geographic area (Nord-ovest, Nord-est, Centro, Sud, Isole).' }) area!: string;
}

@ObjectType('Province', { description: 'An Italian province, metropolitan city or equivalent.' })
export class ProvinceModel {
  @Field({ description: 'ISTAT code, 3 digits.' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'Two-letter abbreviation (sigla), e.g. TO.' }) sigla!: string;
  @Field() regionCode!: string;
  capitalCode!: string;
}

@ObjectType('Comune', { description: 'An Italian municipality.' })
export class ComuneModel {
  @Field({ description: 'ISTAT code, 6 digits.' }) code!: string;
  @Field({ description: 'The Italian name, e.g. Bolzano.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The official name in the comune's other language (German, Slovenian or Ladin), where ISTAT lists one: Bozen for Bolzano, Zgonik for Sgonico. Null for comuni with an Italian name only. `comuni(search:)` finds comuni by it too.",
  })
  secondLanguageName!: string | null;
  @Field() provinceCode!: string;
  @Field() regionCode!: string;
  @Field({ description: 'Codice catastale (Belfiore).' }) cadastralCode!: string;
  @Field(() => [String], { description: 'Postcodes (CAP).' }) postcodes!: string[];
  @Field(() => Int, { description: 'Resident population (census).' }) population!: number;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => CoordinatesSource) coordinatesSource!: CoordinatesSource;
  @Field(() => ProvinceModel) province!: ProvinceModel;
  @Field(() => RegionModel) region!: RegionModel;
}

@ObjectType('TerritorySummary', { description: 'How complete the loaded territory is.' })
export class TerritorySummaryModel {
  @Field(() => Int) regions!: number;
  @Field(() => Int) provinces!: number;
  @Field(() => Int) comuni!: number;
  @Field(() => Int, { description: 'Comuni with their own coordinates.' }) exactCoordinates!: number;
  @Field(() => Int, { description: "Comuni placed at their province capital's coordinates." })
  provinceCapitalCoordinates!: number;
}

export const toRegionModel = (e: RegionEntity): RegionModel => ({ code: e.code, name: e.name, area: e.area });

export const toProvinceModel = (e: ProvinceEntity): ProvinceModel => ({
  code: e.code,
  name: e.name,
  sigla: e.sigla,
  regionCode: e.regionCode,
  capitalCode: e.capitalCode,
});

/**
 * A comune as the API shows it, with its province and region: the comuni TerritoryService reads
 * and the offers' coverage rows come with both (read once, kept in memory, or joined), so that a
 * list of comuni resolves without a lookup per row.
 */
export const toComuneModel = (e: ComuneEntity): ComuneModel => ({
  code: e.code,
  name: e.name,
  secondLanguageName: e.secondLanguageName,
  provinceCode: e.provinceCode,
  regionCode: e.regionCode,
  cadastralCode: e.cadastralCode,
  postcodes: e.postcodes,
  population: e.population,
  latitude: e.latitude,
  longitude: e.longitude,
  coordinatesSource: e.coordinatesSource,
  province: toProvinceModel(required(e.province, `province of comune ${e.code}`)),
  region: toRegionModel(required(e.region, `region of comune ${e.code}`)),
});
