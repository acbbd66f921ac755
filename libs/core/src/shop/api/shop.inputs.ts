import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPartitaIva } from './partita-iva.validator';
import { IsAtecoDivision, IsAtecoSection, IsComuneCode, IsPhoneNumber, Omittable, compactVatNumber, trim, upper, NameText, SingleLineText, EmailAddress } from '../../api/input-rules';
import type { RegisterShop, UpdateShop } from '../shop.commands';


@InputType()
export class RegisterShopInput implements RegisterShop {
  @Field({ description: 'Ragione sociale.' })
  @NameText()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  legalName!: string;

  @Field({ nullable: true, description: 'Insegna (trading name), if different.' })
  @IsOptional()
  @NameText({ optional: true })
  @IsString()
  @MaxLength(200)
  tradingName?: string;

  @Field({ description: 'Partita IVA, 11 digits.' })
  @Transform(compactVatNumber)
  @IsPartitaIva()
  partitaIva!: string;

  @Field({ description: 'ATECO 2025 section letter (A–V).' })
  @Transform(upper)
  @IsAtecoSection()
  atecoSection!: string;

  @Field({ description: 'ATECO 2025 division, 2 digits, within the section.' })
  @Transform(trim)
  @IsAtecoDivision()
  atecoDivision!: string;

  @Field({ description: 'ISTAT code of the comune, 6 digits.' })
  @IsComuneCode()
  comuneCode!: string;

  @Field()
  @SingleLineText()
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

  // Decorators run from the last up: the type is checked first ("x" is not a number, not "over 100000").
  @Field(() => Int)
  @Max(100000)
  @Min(0)
  @IsInt()
  employees!: number;

  @Field()
  @EmailAddress()
  contactEmail!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsPhoneNumber()
  contactPhone?: string;
}

@InputType()
export class UpdateShopInput implements UpdateShop {
  @Field({ nullable: true }) @NameText() @IsString() @MinLength(2) @MaxLength(200) @Omittable() legalName?: string;
  @Field({ nullable: true, description: 'Empty or null: no trading name.' }) @IsOptional() @NameText({ optional: true }) @IsString() @MaxLength(200) tradingName?: string;
  @Field({ nullable: true })
  @Transform(upper)
  @IsAtecoSection()
  @Omittable()
  atecoSection?: string;
  @Field({ nullable: true })
  @Transform(trim)
  @IsAtecoDivision()
  @Omittable()
  atecoDivision?: string;
  @Field({ nullable: true })
  @IsComuneCode()
  @Omittable()
  comuneCode?: string;
  @Field({ nullable: true }) @SingleLineText() @IsString() @MinLength(3) @MaxLength(300) @Omittable() address?: string;
  @Field({ nullable: true }) @IsLatitude() @Omittable() latitude?: number;
  @Field({ nullable: true }) @IsLongitude() @Omittable() longitude?: number;
  @Field(() => Int, { nullable: true }) @Max(100000) @Min(0) @IsInt() @Omittable() employees?: number;
  @Field({ nullable: true })
  @EmailAddress()
  @Omittable()
  contactEmail?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsPhoneNumber()
  contactPhone?: string;
}
