import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { IsComuneCode, trim } from '../../api/input-rules';
import { modelOf } from '../../api/model-instance';
import { PageArgs, Paginated } from '../../api/pagination';
import { VerificationStatus } from '../../provider/provider.types';
import type { FacilitatorFilter } from '../facilitator.commands';
import { FacilitatorEntity } from '../facilitator.entity';
import { FacilitatorKind } from '../facilitator.types';

registerEnumType(FacilitatorKind, { name: 'FacilitatorKind', description: 'Chamber of commerce, trade association, Digital Innovation Hub, municipality or other.' });

@ObjectType('FacilitatorTerritory')
export class FacilitatorTerritoryModel {
  @Field() national!: boolean;
  @Field(() => [String]) regionCodes!: string[];
  @Field(() => [String]) provinceCodes!: string[];
  @Field(() => [String]) comuneCodes!: string[];
}

@ObjectType('Facilitator', { description: 'An intermediary organisation acting for shops under their delegation, verified by ministry staff.' })
export class FacilitatorModel {
  @Field(() => ID) id!: string;
  ownerUserId!: string;
  @Field() name!: string;
  @Field(() => FacilitatorKind) kind!: FacilitatorKind;
  @Field({ description: 'Partita IVA or numeric codice fiscale.' }) taxCode!: string;
  @Field() contactEmail!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => FacilitatorTerritoryModel) territory!: FacilitatorTerritoryModel;
  @Field(() => VerificationStatus) verificationStatus!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or suspended.' }) verificationReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When staff last decided.' }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a rejected organisation last corrected its details and came back to the queue.' })
  resubmittedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field({ description: 'When its details or its verification last changed: give it back as seenUpdatedAt when deciding on it.' }) updatedAt!: Date;
}

@ObjectType('FacilitatorPage')
export class FacilitatorPageModel extends Paginated(FacilitatorModel, 'FacilitatorPageBase') {}

@ObjectType('FacilitatorAlreadyRegisteredError', { implements: () => [BusinessErrorModel] })
export class FacilitatorAlreadyRegisteredErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'FACILITATOR_ALREADY_REGISTERED' as const;
}

@ObjectType('TaxCodeTakenError', { implements: () => [BusinessErrorModel] })
export class TaxCodeTakenErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'TAX_CODE_TAKEN' as const;
}

@InputType()
export class FacilitatorFilterInput implements FacilitatorFilter {
  @Field(() => VerificationStatus, { nullable: true, description: 'Staff only; shops always see the approved ones.' })
  @IsOptional()
  @IsEnum(VerificationStatus)
  status?: VerificationStatus;

  @Field({ nullable: true, description: 'Those serving this comune (ISTAT code).' }) @IsOptional() @IsComuneCode() comuneCode?: string;

  @Field({ nullable: true, description: 'Part of the name or of the tax code (case and accents ignored).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class FacilitatorListArgs extends PageArgs {
  @Field(() => FacilitatorFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => FacilitatorFilterInput)
  filter: FacilitatorFilterInput = {};
}

export const toFacilitatorModel = (e: FacilitatorEntity): FacilitatorModel =>
  modelOf(FacilitatorModel, {
    id: e.id,
    ownerUserId: e.ownerUserId,
    name: e.name,
    kind: e.kind,
    taxCode: e.taxCode,
    contactEmail: e.contactEmail,
    website: e.website,
    territory: modelOf(FacilitatorTerritoryModel, { national: e.national, regionCodes: e.regionCodes, provinceCodes: e.provinceCodes, comuneCodes: e.comuneCodes }),
    verificationStatus: e.verificationStatus,
    verificationReason: e.verificationReason,
    verifiedAt: e.verifiedAt,
    resubmittedAt: e.resubmittedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });
