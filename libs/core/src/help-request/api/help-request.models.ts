import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import type { Words } from '../../messages';
import { PageArgs, Paginated } from '../../api/pagination';
import { ListSize } from '../../api/query-cost';
import '../../api/service-category.model';
import { HelpRequestEntity } from '../help-request.entity';
import { HelpRequestStatus } from '../help-request.types';
import { IsProvinceCode, IsRegionCode } from '../../api/input-rules';
import type { HelpRequestFilter, MyHelpRequestFilter } from '../help-request.commands';

registerEnumType(HelpRequestStatus, { name: 'HelpRequestStatus', description: 'OPEN → MATCHED → FULFILLED; OPEN or MATCHED → CANCELLED.' });

@ObjectType('HelpRequest', { description: "A shop's need for one category of service." })
export class HelpRequestModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) shopId!: string;
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @Field(() => String, {
    nullable: true,
    description: 'What the shop wrote. Null only to a provider reading a match it no longer deals with (as the shop’s contacts, see MatchShop).',
  })
  description!: string | null;
  @Field(() => HelpRequestStatus) status!: HelpRequestStatus;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The bundle it was asked in, if any.' }) bundleId!: string | null;
}

@ObjectType('HelpRequestPage')
export class HelpRequestPageModel extends Paginated(HelpRequestModel, 'HelpRequestPageBase') {}

@ObjectType('HelpRequestStatusError', {
  implements: () => [BusinessErrorModel],
  description: 'The request is in a status that does not allow this (code NOT_OPEN or INVALID_TRANSITION), or on a waitlist for its service (ON_WAITLIST).',
})
export class HelpRequestStatusErrorModel extends BusinessFailure implements BusinessErrorModel {
  @Field(() => HelpRequestStatus) readonly currentStatus: HelpRequestStatus;

  // One GraphQL type for three refusals, told apart by their code.
  constructor(
    readonly code: 'NOT_OPEN' | 'INVALID_TRANSITION' | 'ON_WAITLIST',
    words: Words,
    field: string,
    currentStatus: HelpRequestStatus,
  ) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@ObjectType('DuplicateHelpRequestError', {
  implements: () => [BusinessErrorModel],
  description: 'The shop already has an open or matched request for this service: it is named, to be changed or withdrawn instead.',
})
export class DuplicateHelpRequestErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'DUPLICATE_REQUEST' as const;
  @Field(() => ServiceCategory) readonly category: ServiceCategory;
  @Field(() => ID, { nullable: true, description: 'The request already open for the service (null when the same input asked for it twice).' })
  readonly existingRequestId: string | null;
  @Field(() => HelpRequestStatus, { nullable: true }) readonly existingStatus: HelpRequestStatus | null;

  constructor(words: Words, field: string, category: ServiceCategory, existing: { id: string; status: HelpRequestStatus } | null) {
    super(words, field);
    this.category = category;
    this.existingRequestId = existing?.id ?? null;
    this.existingStatus = existing?.status ?? null;
  }
}

@ObjectType('HelpRequestBatch', { description: 'The requests created together.' })
export class HelpRequestBatchModel {
  // One request per service at most.
  @ListSize(Object.values(ServiceCategory).length)
  @Field(() => [HelpRequestModel])
  requests!: HelpRequestModel[];
  @Field(() => ID, { nullable: true, description: 'The bundle grouping them, when asked as one.' }) bundleId?: string | null;
}

@InputType()
export class MyHelpRequestFilterInput implements MyHelpRequestFilter {
  @Field(() => HelpRequestStatus, { nullable: true }) @IsOptional() @IsEnum(HelpRequestStatus) status?: HelpRequestStatus;
  @Field(() => ServiceCategory, { nullable: true }) @IsOptional() @IsEnum(ServiceCategory) category?: ServiceCategory;
}

@InputType()
export class HelpRequestFilterInput extends MyHelpRequestFilterInput implements HelpRequestFilter {
  @Field({ nullable: true, description: "Requests of shops in this region." })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: "Requests of shops in this province." })
  @IsOptional()
  @IsProvinceCode()
  provinceCode?: string;
}

/** A page of the list with its filter: one arguments type, validated as a whole. */
@ArgsType()
export class HelpRequestListArgs extends PageArgs {
  @Field(() => HelpRequestFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => HelpRequestFilterInput)
  filter: HelpRequestFilterInput = {};
}

@ArgsType()
export class MyHelpRequestListArgs extends PageArgs {
  @Field(() => MyHelpRequestFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MyHelpRequestFilterInput)
  filter: MyHelpRequestFilterInput = {};
}

export const toHelpRequestModel = (e: HelpRequestEntity): HelpRequestModel => modelOf(HelpRequestModel, {
  id: e.id,
  shopId: e.shopId,
  category: e.category,
  description: e.description,
  status: e.status,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  cancelledAt: e.cancelledAt,
  bundleId: e.bundleId,
});
