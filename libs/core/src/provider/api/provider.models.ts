import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { trim } from '../../api/input-rules';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import type { Words } from '../../messages';
import { PageArgs, Paginated } from '../../api/pagination';
import { Transform, Type } from 'class-transformer';
import { ProviderEntity } from '../provider.entity';
import { ProviderKind, VerificationStatus } from '../provider.types';
import type { ProviderFilter } from '../provider.commands';

registerEnumType(ProviderKind, { name: 'ProviderKind' });
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'PENDING → APPROVED | REJECTED; APPROVED → SUSPENDED; SUSPENDED → APPROVED | REJECTED; REJECTED → PENDING when the organisation corrects its details.',
});

@ObjectType('Provider')
export class ProviderModel {
  @Field(() => ID) id!: string;
  ownerUserId!: string;
  @Field() name!: string;
  @Field() partitaIva!: string;
  @Field(() => ProviderKind) kind!: ProviderKind;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field() description!: string;
  @Field(() => VerificationStatus) verificationStatus!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or suspended.' }) verificationReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When staff last decided.' }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a rejected organisation last corrected its details and came back to the queue.' })
  resubmittedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field({ description: 'When its details or its verification last changed: give it back as seenUpdatedAt when deciding on it.' }) updatedAt!: Date;
}

@ObjectType('ProviderPage')
export class ProviderPageModel extends Paginated(ProviderModel, 'ProviderPageBase') {}

@ObjectType('ProviderAlreadyRegisteredError', { implements: () => [BusinessErrorModel] })
export class ProviderAlreadyRegisteredErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'PROVIDER_ALREADY_REGISTERED' as const;
}

@ObjectType('InvalidVerificationTransitionError', { implements: () => [BusinessErrorModel] })
export class InvalidVerificationTransitionErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVALID_TRANSITION' as const;
  @Field(() => VerificationStatus) readonly currentStatus: VerificationStatus;

  constructor(words: Words, field: string, currentStatus: VerificationStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@ObjectType('OwnerErasedError', {
  implements: () => [BusinessErrorModel],
  description: 'The account owning the organisation (provider or facilitator) was erased at its owner’s request (GDPR Art. 17): staff decide nothing more on it.',
})
export class OwnerErasedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'OWNER_ERASED' as const;
}

@ObjectType('OrganisationChangedError', {
  implements: () => [BusinessErrorModel],
  description: 'The organisation (provider or facilitator) changed after you read it (its details, or another decision): nothing was decided; read it again.',
})
export class OrganisationChangedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ORGANISATION_CHANGED' as const;
  @Field({ description: 'When it last changed: its updatedAt now.' }) readonly updatedAt: Date;

  constructor(words: Words, field: string, updatedAt: Date) {
    super(words, field);
    this.updatedAt = updatedAt;
  }
}

@ObjectType('ProviderNotApprovedError', {
  implements: () => [BusinessErrorModel],
  description: 'The organisation is suspended or rejected: it cannot act towards shops until ministry staff approve it again.',
})
export class ProviderNotApprovedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'PROVIDER_NOT_APPROVED' as const;
  @Field(() => VerificationStatus) readonly verificationStatus: VerificationStatus;

  constructor(words: Words, field: string, verificationStatus: VerificationStatus) {
    super(words, field);
    this.verificationStatus = verificationStatus;
  }
}

@InputType()
export class ProviderFilterInput implements ProviderFilter {
  @Field(() => VerificationStatus, { nullable: true }) @IsOptional() @IsEnum(VerificationStatus) status?: VerificationStatus;

  @Field({ nullable: true, description: 'Words of the name, or digits of the Partita IVA, in any order (case and accents ignored).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** A page of the list with its filter: one arguments type, validated as a whole. */
@ArgsType()
export class ProviderListArgs extends PageArgs {
  @Field(() => ProviderFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => ProviderFilterInput)
  filter: ProviderFilterInput = {};
}

export const toProviderModel = (e: ProviderEntity): ProviderModel => modelOf(ProviderModel, {
  id: e.id,
  ownerUserId: e.ownerUserId,
  name: e.name,
  partitaIva: e.partitaIva,
  kind: e.kind,
  website: e.website,
  description: e.description,
  verificationStatus: e.verificationStatus,
  verificationReason: e.verificationReason,
  verifiedAt: e.verifiedAt,
  resubmittedAt: e.resubmittedAt,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
