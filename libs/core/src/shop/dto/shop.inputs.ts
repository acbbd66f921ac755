import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPartitaIva } from '../registry/partita-iva.validator';
import { IsComuneCode, Omittable, compactVatNumber, trim, upper } from '../../common/input-rules';


@InputType()
export class RegisterShopInput {
  @Field({ description: 'Ragione sociale.' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  legalName!: string;

  @Field({ nullable: true, description: 'Insegna (trading name), if different.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  tradingName?: string;

  @Field({ description: 'Partita IVA, 11 digits.' })
  @Transform(compactVatNumber)
  @IsPartitaIva()
  partitaIva!: string;

  @Field({ description: 'ATECO 2025 section letter (A–V).' })
  @Transform(upper)
  @Matches(/^[A-V]$/, { message: 'atecoSection must be an ATECO section letter from A to V' })
  atecoSection!: string;

  @Field({ description: 'ATECO 2025 division, 2 digits, within the section.' })
  @Transform(trim)
  @Matches(/^\d{2}$/, { message: 'atecoDivision must be a 2-digit ATECO division' })
  atecoDivision!: string;

  @Field({ description: 'ISTAT code of the comune, 6 digits.' })
  @IsComuneCode()
  comuneCode!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  address!: string;

  @Field({ nullable: true, description: "Precise position; defaults to the comune's coordinates." })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100000)
  employees!: number;

  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'contactEmail must be a valid e-mail address' })
  @MaxLength(254)
  contactEmail!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
}

@InputType()
export class UpdateShopInput {
  @Field({ nullable: true }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) @Omittable() legalName?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) tradingName?: string;
  @Field({ nullable: true })
  @Transform(upper)
  @Matches(/^[A-V]$/, { message: 'atecoSection must be an ATECO section letter from A to V' })
  @Omittable()
  atecoSection?: string;
  @Field({ nullable: true })
  @Transform(trim)
  @Matches(/^\d{2}$/, { message: 'atecoDivision must be a 2-digit ATECO division' })
  @Omittable()
  atecoDivision?: string;
  @Field({ nullable: true })
  @IsComuneCode()
  @Omittable()
  comuneCode?: string;
  @Field({ nullable: true }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(300) @Omittable() address?: string;
  @Field({ nullable: true }) @IsLatitude() @Omittable() latitude?: number;
  @Field({ nullable: true }) @IsLongitude() @Omittable() longitude?: number;
  @Field(() => Int, { nullable: true }) @IsInt() @Min(0) @Max(100000) @Omittable() employees?: number;
  @Field({ nullable: true })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'contactEmail must be a valid e-mail address' })
  @Omittable()
  contactEmail?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
}
