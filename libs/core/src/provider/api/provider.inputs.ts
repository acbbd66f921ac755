import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsDefined, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPartitaIva } from '../../shop/api/partita-iva.validator';
import { ProviderKind, VerificationStatus } from '../provider.types';
import { asAlternatives, Omittable, compactVatNumber, worded, NameText, MultiLineText, WebsiteAddress } from '../../api/input-rules';
import type { RegisterProvider, UpdateProvider, VerifyProvider } from '../provider.commands';
import { identifies } from '../../api/input-rules';
import { MESSAGES } from '../../messages';


@InputType()
export class RegisterProviderInput implements RegisterProvider {
  @Field() @NameText() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @Field({ description: 'Partita IVA, 11 digits.' }) @Transform(compactVatNumber) @IsPartitaIva() partitaIva!: string;
  @Field(() => ProviderKind) @IsEnum(ProviderKind) kind!: ProviderKind;
  @Field(() => String, { nullable: true, description: 'https:// is assumed when no scheme is typed; blank or null: none (on an update, removes it).' })
  @WebsiteAddress()
  website?: string | null;
  @Field() @MultiLineText() @IsString() @MinLength(20) @MaxLength(4000) description!: string;
}

@InputType()
export class UpdateProviderInput implements UpdateProvider {
  @Field({ nullable: true }) @NameText() @IsString() @MinLength(2) @MaxLength(200) @Omittable() name?: string;
  @Field(() => ProviderKind, { nullable: true }) @IsEnum(ProviderKind) @Omittable() kind?: ProviderKind;
  @Field(() => String, { nullable: true, description: 'https:// is assumed when no scheme is typed; blank or null: none (on an update, removes it).' })
  @WebsiteAddress()
  website?: string | null;
  @Field({ nullable: true }) @MultiLineText() @IsString() @MinLength(20) @MaxLength(4000) @Omittable() description?: string;
}

/** A decision's `seenUpdatedAt`, the same on providers and facilitators: the version of the organisation it was taken on. */
export const SeenUpdatedAt = (): PropertyDecorator => (target, property) => {
  Field(() => Date, {
    nullable: true,
    description:
      'The organisation’s updatedAt as you read it. Given, the decision is refused with OrganisationChangedError when the organisation changed since (its details, or another decision): read it again first. The web app always sends it.',
  })(target, property);
  IsOptional()(target, property);
  IsDate()(target, property);
};

export const VERIFICATION_DECISIONS = [VerificationStatus.APPROVED, VerificationStatus.REJECTED, VerificationStatus.SUSPENDED] as const;

@InputType()
export class VerifyProviderInput implements VerifyProvider {
  @Field(() => ID) @IsUUID('all', identifies('provider')) providerId!: string;

  @Field(() => VerificationStatus, { description: 'APPROVED, REJECTED or SUSPENDED.' })
  @IsIn(VERIFICATION_DECISIONS, asAlternatives())
  decision!: VerificationStatus;

  // Rules run from the one nearest the property: a missing reason is reported as missing.
  @Field({ nullable: true, description: 'Required when rejecting or suspending; shown to the provider.' })
  @ValidateIf((input: VerifyProviderInput) => input.decision !== VerificationStatus.APPROVED || (input.reason !== undefined && input.reason !== null))
  @MultiLineText()
  @MaxLength(1000)
  @MinLength(5, worded((path, [min]) => MESSAGES.validation.decisionReasonTooShort(path, Number(min))))
  @IsString()
  @IsDefined(worded(MESSAGES.validation.decisionReasonRequired))
  reason?: string;

  @SeenUpdatedAt() seenUpdatedAt?: Date | null;
}
