import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsAfter } from '../../api/is-after.validator';
import { IsAtecoDivision, IsAtecoSection, IsComuneCode, IsProvinceCode, IsRegionCode, MultiLineText, Omittable, NameText } from '../../api/input-rules';
import type { CoverageRadius, CreateOffer, OfferCoverageChoice, OfferSectorsChoice, UpdateOffer } from '../offer.commands';
import { identifies } from '../../api/input-rules';

export const MAX_RADIUS_KM = 500;
export const MAX_FREE_PERIOD_MONTHS = 36;
export const MAX_CAPACITY = 100_000;
export const MAX_AREAS = 200;
export const MAX_RADII = 50;

const upperEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value;

@InputType({ description: 'A circle around a comune (comuneCode) or a point (latitude and longitude).' })
export class CoverageRadiusInput implements CoverageRadius {
  @Field({ nullable: true, description: 'ISTAT code of the comune at the centre.' })
  @IsOptional()
  @IsComuneCode()
  comuneCode?: string;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number;

  @Field(() => Int, { description: `Radius in km, 1–${MAX_RADIUS_KM}.` }) @Max(MAX_RADIUS_KM) @Min(1) @IsInt() km!: number;
}

@InputType({ description: 'Any mix of areas; at least one. Codes are ISTAT codes.' })
export class OfferCoverageInput implements OfferCoverageChoice {
  @Field(() => Boolean, { defaultValue: false, description: 'The whole of Italy.' }) @IsBoolean() national: boolean = false;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_AREAS)
  @ArrayUnique()
  @IsRegionCode(true)
  regionCodes: string[] = [];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_AREAS)
  @ArrayUnique()
  @IsProvinceCode(true)
  provinceCodes: string[] = [];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_AREAS)
  @ArrayUnique()
  @IsComuneCode(true)
  comuneCodes: string[] = [];

  @Field(() => [CoverageRadiusInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_RADII)
  @ValidateNested({ each: true })
  @Type(() => CoverageRadiusInput)
  radii: CoverageRadiusInput[] = [];
}

@InputType({ description: 'Which ATECO 2025 sectors may apply: all, or the listed sections and divisions.' })
export class OfferSectorsInput implements OfferSectorsChoice {
  @Field() @IsBoolean() allSectors!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'Section letters, A–V.' })
  @Transform(upperEach)
  @ArrayMaxSize(22)
  @ArrayUnique()
  @IsAtecoSection(true)
  sections: string[] = [];

  @Field(() => [String], { defaultValue: [], description: 'Two-digit divisions, e.g. "47".' })
  @Transform(upperEach)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsAtecoDivision(true)
  divisions: string[] = [];
}

@InputType()
export class CreateOfferInput implements CreateOffer {
  @Field() @NameText() @IsString() @MinLength(5) @MaxLength(120) title!: string;
  @Field() @MultiLineText() @IsString() @MinLength(20) @MaxLength(4000) description!: string;

  @Field(() => [ServiceCategory], { description: 'One or more, without repeats.' })
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(ServiceCategory, { each: true })
  categories!: ServiceCategory[];

  @Field(() => OfferCoverageInput) @ValidateNested() @Type(() => OfferCoverageInput) coverage!: OfferCoverageInput;

  @Field(() => OfferSectorsInput, { nullable: true, description: 'Omitted: every sector is eligible.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfferSectorsInput)
  sectors?: OfferSectorsInput;

  @Field(() => Int, { description: 'How many shops it can serve.' }) @Max(MAX_CAPACITY) @Min(1) @IsInt() capacity!: number;

  @Field(() => Int, { description: `Months free of charge, 1–${MAX_FREE_PERIOD_MONTHS}.` })
  @Max(MAX_FREE_PERIOD_MONTHS)
  @Min(1)
  @IsInt()
  freePeriodMonths!: number;

  @Field({
    description:
      'The terms (20–2000 characters). The service must be free for the whole free period, with no fee, no obligation to renew and nothing to pay afterwards: ministry staff suspend offers whose terms ask for money.',
  })
  @MultiLineText()
  @IsString()
  @MinLength(20)
  @MaxLength(2000)
  conditions!: string;

  @Field() @IsDate() validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'After validFrom; omitted: open-ended.' })
  @IsOptional()
  @IsDate()
  @IsAfter('validFrom')
  validUntil?: Date;
}

@InputType({ description: 'Only the fields given change; coverage and sectors, when given, replace the old ones as a whole.' })
export class UpdateOfferInput implements UpdateOffer {
  @Field(() => ID) @IsUUID('all', identifies('offer')) id!: string;
  @Field({ nullable: true }) @NameText() @MaxLength(120) @MinLength(5) @IsString() @Omittable() title?: string;
  @Field({ nullable: true }) @MultiLineText() @MaxLength(4000) @MinLength(20) @IsString() @Omittable() description?: string;

  @Field(() => [ServiceCategory], { nullable: true })
  @IsEnum(ServiceCategory, { each: true })
  @ArrayUnique()
  @ArrayNotEmpty()
  @Omittable()
  categories?: ServiceCategory[];

  @Field(() => OfferCoverageInput, { nullable: true }) @ValidateNested() @Type(() => OfferCoverageInput) @Omittable() coverage?: OfferCoverageInput;
  @Field(() => OfferSectorsInput, { nullable: true }) @ValidateNested() @Type(() => OfferSectorsInput) @Omittable() sectors?: OfferSectorsInput;

  @Field(() => Int, { nullable: true, description: 'Never below the slots already used.' })
  @Max(MAX_CAPACITY)
  @Min(1)
  @IsInt()
  @Omittable()
  capacity?: number;

  @Field(() => Int, { nullable: true }) @Max(MAX_FREE_PERIOD_MONTHS) @Min(1) @IsInt() @Omittable() freePeriodMonths?: number;
  @Field({ nullable: true }) @MultiLineText() @MaxLength(2000) @MinLength(20) @IsString() @Omittable() conditions?: string;
  @Field(() => Date, { nullable: true }) @IsDate() @Omittable() validFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'null makes the offer open-ended.' })
  @IsOptional()
  @IsDate()
  @IsAfter('validFrom')
  validUntil?: Date | null;
}

@ArgsType()
export class OfferIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('offer')) id!: string;
}
