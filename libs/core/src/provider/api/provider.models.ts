import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { BusinessErrorModel } from '../../api/business-error.model';
import { PageArgs, Paginated } from '../../api/pagination';
import { Type } from 'class-transformer';
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
}

@ObjectType('ProviderPage')
export class ProviderPageModel extends Paginated(ProviderModel, 'ProviderPageBase') {}

@ObjectType('ProviderAlreadyRegisteredError', { implements: () => [BusinessErrorModel] })
export class ProviderAlreadyRegisteredErrorModel implements BusinessErrorModel {
  code!: string;
  field?: string;
  message!: string;
  messageIt!: string;
}

@ObjectType('InvalidVerificationTransitionError', { implements: () => [BusinessErrorModel] })
export class InvalidVerificationTransitionErrorModel implements BusinessErrorModel {
  code!: string;
  field?: string;
  message!: string;
  messageIt!: string;
  @Field(() => VerificationStatus) currentStatus!: VerificationStatus;
}

@ObjectType('ProviderNotApprovedError', {
  implements: () => [BusinessErrorModel],
  description: 'The organisation is suspended or rejected: it cannot act towards shops until ministry staff approve it again.',
})
export class ProviderNotApprovedErrorModel implements BusinessErrorModel {
  code!: string;
  field?: string;
  message!: string;
  messageIt!: string;
  @Field(() => VerificationStatus) verificationStatus!: VerificationStatus;
}

/** The refusal a suspended or rejected organisation gets for an action towards shops. */
export function providerNotApproved(status: VerificationStatus, field: string): ProviderNotApprovedErrorModel {
  const rejected = status === VerificationStatus.REJECTED;
  return {
    code: 'PROVIDER_NOT_APPROVED',
    field,
    verificationStatus: status,
    message: rejected
      ? 'Your organisation was rejected: correct its details to have them verified again before acting towards shops'
      : 'Your organisation is suspended by the Ministry: until it is reinstated you cannot publish offers or answer shops',
    messageIt: rejected
      ? 'La tua organizzazione è stata respinta: correggi i suoi dati per farli verificare di nuovo prima di agire verso i negozi'
      : 'La tua organizzazione è sospesa dal Ministero: finché non viene riammessa non puoi pubblicare offerte né rispondere ai negozi',
  };
}

@InputType()
export class ProviderFilterInput implements ProviderFilter {
  @Field(() => VerificationStatus, { nullable: true }) @IsOptional() @IsEnum(VerificationStatus) status?: VerificationStatus;
}

/** A page of the list with its filter: one arguments type, validated as a whole. */
@ArgsType()
export class ProviderListArgs extends PageArgs {
  @Field(() => ProviderFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => ProviderFilterInput)
  filter: ProviderFilterInput = {};
}

export const toProviderModel = (e: ProviderEntity): ProviderModel => ({
  id: e.id,
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
});
