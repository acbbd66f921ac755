import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsComuneCode, IsProvinceCode, IsRegionCode, trim } from '../../api/input-rules';

export const MAX_COMUNI_PAGE = 100;


@ArgsType()
export class RegionArgs {
  @Field({ description: 'ISTAT region code, 2 digits (e.g. "01").' })
  @IsRegionCode()
  code!: string;
}

@ArgsType()
export class ProvincesArgs {
  @Field({ nullable: true, description: 'Only the provinces of this region (ISTAT code, 2 digits).' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

@ArgsType()
export class ComuneArgs {
  @Field({ description: 'ISTAT comune code, 6 digits (e.g. "001001").' })
  @IsComuneCode()
  code!: string;
}

@ArgsType()
export class ComuniArgs {
  @Field({
    description:
      'What to look for: the beginning of a name, in Italian or in the second language ("agli" finds Agliè, "Bozen" Bolzano), ' +
      'or words of the name and of its province ("reggio emilia", "san giovanni bergamo"). Accents, case, apostrophes and spaces ' +
      'are ignored ("laquila", "santagata"), S. and SS. read as San/Sant\'/Santa/Santo and Santi; a misspelling is guessed only ' +
      'when nothing matches as typed.',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  search!: string;

  @Field({ nullable: true, description: 'Only comuni of this province (ISTAT code, 3 digits).' })
  @IsOptional()
  @IsProvinceCode()
  provinceCode?: string;

  @Field(() => Int, { defaultValue: 20, description: `How many comuni to return, best match first (1–${MAX_COMUNI_PAGE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_COMUNI_PAGE)
  first = 20;
}
