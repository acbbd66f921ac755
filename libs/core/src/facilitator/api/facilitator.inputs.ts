import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsDefined, IsEnum, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { asAlternatives, compactVatNumber, identifies, IsComuneCode, IsProvinceCode, IsRegionCode, MultiLineText, Omittable, NameText, WebsiteAddress, worded, EmailAddress } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import { SeenUpdatedAt, VERIFICATION_DECISIONS } from '../../provider/api/provider.inputs';
import { VerificationStatus } from '../../provider/provider.types';
import type { FacilitatorTerritory, RegisterFacilitator, UpdateFacilitator, VerifyFacilitator } from '../facilitator.commands';
import { FacilitatorKind } from '../facilitator.types';
import { IsOrganisationTaxCode } from './organisation-tax-code.validator';

const MAX_AREAS = 100;

@InputType({ description: 'The territory an organisation serves: all of Italy, or any mix of regions, provinces and comuni (ISTAT codes); at least one.' })
export class FacilitatorTerritoryInput implements FacilitatorTerritory {
  @Field(() => Boolean, { defaultValue: false, description: 'The whole of Italy.' }) @IsBoolean() national: boolean = false;

  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_AREAS) @ArrayUnique() @IsRegionCode(true) regionCodes: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_AREAS) @ArrayUnique() @IsProvinceCode(true) provinceCodes: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_AREAS) @ArrayUnique() @IsComuneCode(true) comuneCodes: string[] = [];
}

@InputType()
export class RegisterFacilitatorInput implements RegisterFacilitator {
  @Field() @NameText() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @Field(() => FacilitatorKind) @IsEnum(FacilitatorKind) kind!: FacilitatorKind;
  @Field({ description: 'Partita IVA, or the numeric codice fiscale of a body without one: 11 digits.' })
  @Transform(compactVatNumber)
  @IsOrganisationTaxCode()
  taxCode!: string;
  @Field({ description: 'Where shops and the Ministry write to the organisation.' }) @EmailAddress() contactEmail!: string;
  @Field(() => String, { nullable: true, description: 'https:// is assumed when no scheme is typed; blank or null: none (on an update, removes it).' })
  @WebsiteAddress()
  website?: string | null;
  @Field(() => FacilitatorTerritoryInput) @ValidateNested() @Type(() => FacilitatorTerritoryInput) territory!: FacilitatorTerritoryInput;
}

@InputType()
export class UpdateFacilitatorInput implements UpdateFacilitator {
  @Field({ nullable: true }) @NameText() @IsString() @MinLength(2) @MaxLength(200) @Omittable() name?: string;
  @Field(() => FacilitatorKind, { nullable: true }) @IsEnum(FacilitatorKind) @Omittable() kind?: FacilitatorKind;
  @Field({ nullable: true }) @EmailAddress() @Omittable() contactEmail?: string;
  @Field(() => String, { nullable: true, description: 'https:// is assumed when no scheme is typed; blank or null: none (on an update, removes it).' })
  @WebsiteAddress()
  website?: string | null;
  @Field(() => FacilitatorTerritoryInput, { nullable: true }) @ValidateNested() @Type(() => FacilitatorTerritoryInput) @Omittable() territory?: FacilitatorTerritoryInput;
}

@InputType()
export class VerifyFacilitatorInput implements VerifyFacilitator {
  @Field(() => ID) @IsUUID('all', identifies('facilitator')) facilitatorId!: string;

  @Field(() => VerificationStatus, { description: 'APPROVED, REJECTED or SUSPENDED.' })
  @IsIn(VERIFICATION_DECISIONS, asAlternatives())
  decision!: VerificationStatus;

  // Rules run from the one nearest the property: a missing reason is reported as missing.
  @Field({ nullable: true, description: 'Required when rejecting or suspending; shown to the organisation.' })
  @ValidateIf((input: VerifyFacilitatorInput) => input.decision !== VerificationStatus.APPROVED || (input.reason !== undefined && input.reason !== null))
  @MultiLineText()
  @MaxLength(1000)
  @MinLength(5, worded((path, [min]) => MESSAGES.validation.decisionReasonTooShort(path, Number(min))))
  @IsString()
  @IsDefined(worded(MESSAGES.validation.decisionReasonRequired))
  reason?: string;

  @SeenUpdatedAt() seenUpdatedAt?: Date | null;
}
