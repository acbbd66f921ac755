import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { IsOptional, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { PageArgs, Paginated } from '../../api/pagination';
import { Type } from 'class-transformer';
import { ShopEntity } from '../shop.entity';
import { IsAtecoSection, IsComuneCode, IsProvinceCode, IsRegionCode } from '../../api/input-rules';
import type { ShopFilter } from '../shop.commands';

@ObjectType('Shop')
export class ShopModel {
  @Field(() => ID) id!: string;
  @Field() legalName!: string;
  @Field(() => String, { nullable: true }) tradingName!: string | null;
  @Field() partitaIva!: string;
  @Field() atecoSection!: string;
  @Field() atecoDivision!: string;
  @Field() comuneCode!: string;
  @Field() address!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field({ description: "True when the position is the comune's, not the shop's own." }) coordinatesFromComune!: boolean;
  @Field(() => Int) employees!: number;
  @Field() contactEmail!: string;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('ShopPage')
export class ShopPageModel extends Paginated(ShopModel, 'ShopPageBase') {}

@ObjectType('ShopAlreadyRegisteredError', { implements: () => [BusinessErrorModel] })
export class ShopAlreadyRegisteredErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'SHOP_ALREADY_REGISTERED' as const;
}

@ObjectType('PartitaIvaTakenError', { implements: () => [BusinessErrorModel] })
export class PartitaIvaTakenErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'PARTITA_IVA_TAKEN' as const;
}

@InputType()
export class ShopFilterInput implements ShopFilter {
  @Field({ nullable: true }) @IsOptional() @IsRegionCode() regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsProvinceCode() provinceCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsComuneCode() comuneCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsAtecoSection() atecoSection?: string;
}

/** A page of the list with its filter: one arguments type, validated as a whole. */
@ArgsType()
export class ShopListArgs extends PageArgs {
  @Field(() => ShopFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => ShopFilterInput)
  filter: ShopFilterInput = {};
}

export const toShopModel = (e: ShopEntity): ShopModel => modelOf(ShopModel, {
  id: e.id,
  legalName: e.legalName,
  tradingName: e.tradingName,
  partitaIva: e.partitaIva,
  atecoSection: e.atecoSection,
  atecoDivision: e.atecoDivision,
  comuneCode: e.comuneCode,
  address: e.address,
  latitude: e.latitude,
  longitude: e.longitude,
  coordinatesFromComune: e.coordinatesFromComune,
  employees: e.employees,
  contactEmail: e.contactEmail,
  contactPhone: e.contactPhone,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
