import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPartitaIva } from '../../shop/registry/partita-iva.validator';
import { ProviderKind, VerificationStatus } from '../provider.types';
import { Omittable, compactVatNumber, trim } from '../../common/input-rules';


@InputType()
export class RegisterProviderInput {
  @Field() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @Field({ description: 'Partita IVA, 11 digits.' }) @Transform(compactVatNumber) @IsPartitaIva() partitaIva!: string;
  @Field(() => ProviderKind) @IsEnum(ProviderKind) kind!: ProviderKind;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'website must be a web address starting with https://' })
  @MaxLength(300)
  website?: string;
  @Field() @Transform(trim) @IsString() @MinLength(20) @MaxLength(4000) description!: string;
}

@InputType()
export class UpdateProviderInput {
  @Field({ nullable: true }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) @Omittable() name?: string;
  @Field(() => ProviderKind, { nullable: true }) @IsEnum(ProviderKind) @Omittable() kind?: ProviderKind;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'website must be a web address starting with https://' })
  @MaxLength(300)
  website?: string;
  @Field({ nullable: true }) @Transform(trim) @IsString() @MinLength(20) @MaxLength(4000) @Omittable() description?: string;
}

export const VERIFICATION_DECISIONS = [VerificationStatus.APPROVED, VerificationStatus.REJECTED, VerificationStatus.SUSPENDED] as const;

@InputType()
export class VerifyProviderInput {
  @Field(() => ID) @IsUUID('all', { message: 'providerId must be a provider id' }) providerId!: string;

  @Field(() => VerificationStatus, { description: 'APPROVED, REJECTED or SUSPENDED.' })
  @IsIn(VERIFICATION_DECISIONS, { message: 'decision must be APPROVED, REJECTED or SUSPENDED' })
  decision!: VerificationStatus;

  @Field({ nullable: true, description: 'Required when rejecting or suspending; shown to the provider.' })
  @ValidateIf((input: VerifyProviderInput) => input.decision !== VerificationStatus.APPROVED || input.reason !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'reason must explain the decision (at least 5 characters)' })
  @MaxLength(1000)
  reason?: string;
}
