import { Args, Field, ID, InputType, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsUUID, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { identifies } from '../../api/input-rules';
import { ListSize } from '../../api/query-cost';
import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import { EmailNotVerifiedErrorModel } from '../../auth/api/account.models';
import { emailNotVerified } from '../../auth/api/account.results';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { MESSAGES, type Words } from '../../messages';
import { ApplySetOutcome, MatchSetService } from '../match-set.service';
import { MatchModel, toMatchModel } from './match.models';

const CATEGORY_COUNT = Object.values(ServiceCategory).length;

@InputType()
export class SetPartInput {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) helpRequestId!: string;
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;
}

@InputType({ description: 'A set of offers for a bundle: one offer per open request of the bundle. Every part holds a place, or none does.' })
export class ApplyToOfferSetInput {
  @Field(() => ID) @IsUUID('all', identifies('any')) bundleId!: string;

  @Field(() => [SetPartInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(CATEGORY_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SetPartInput)
  parts!: SetPartInput[];
}

@ObjectType('MatchSet', { description: 'The matches a set opened: one PENDING match (a held place) per part.' })
export class MatchSetModel {
  @ListSize(CATEGORY_COUNT) @Field(() => [MatchModel]) matches!: MatchModel[];
}

@ObjectType('SetPartUnavailableError', {
  implements: () => [BusinessErrorModel],
  description: 'One part of the set cannot hold a place (SET_PART_FULL, SET_PART_NOT_ELIGIBLE or SET_PART_NOT_OPEN): no place was held for any part.',
})
export class SetPartUnavailableErrorModel extends BusinessFailure implements BusinessErrorModel {
  @Field(() => ID) readonly helpRequestId: string;
  @Field(() => ServiceCategory) readonly category: ServiceCategory;
  @Field(() => ID, { nullable: true }) readonly offerId: string | null;

  constructor(
    readonly code: 'SET_PART_FULL' | 'SET_PART_NOT_ELIGIBLE' | 'SET_PART_NOT_OPEN',
    words: Words,
    field: string,
    part: { helpRequestId: string; category: ServiceCategory; offerId: string | null },
  ) {
    super(words, field);
    this.helpRequestId = part.helpRequestId;
    this.category = part.category;
    this.offerId = part.offerId;
  }
}

export const ApplyToOfferSetResult = resultUnion({
  name: 'ApplyToOfferSetResult',
  types: () => [MatchSetModel, SetPartUnavailableErrorModel, EmailNotVerifiedErrorModel] as const,
});

export function toApplySetResult(outcome: ApplySetOutcome, parts: readonly { helpRequestId: string }[]): typeof ApplyToOfferSetResult {
  switch (outcome.kind) {
    case 'matches':
      return modelOf(MatchSetModel, { matches: outcome.matches.map(toMatchModel) });
    case 'email-not-verified':
      return emailNotVerified(outcome.email);
    case 'part-failed': {
      const failure = outcome.failure;
      const index = parts.findIndex((part) => part.helpRequestId === failure.helpRequestId);
      switch (failure.kind) {
        case 'full':
          return new SetPartUnavailableErrorModel('SET_PART_FULL', MESSAGES.bundle.partFull(failure.category), `input.parts.${index}.offerId`, failure);
        case 'not-eligible':
          return new SetPartUnavailableErrorModel('SET_PART_NOT_ELIGIBLE', MESSAGES.bundle.partNotEligible(failure.category), `input.parts.${index}.offerId`, failure);
        case 'not-open':
          return new SetPartUnavailableErrorModel('SET_PART_NOT_OPEN', MESSAGES.bundle.partNotOpen(failure.category), `input.parts.${index}.helpRequestId`, { ...failure, offerId: null });
      }
    }
  }
}

@Resolver()
export class MatchSetResolver {
  constructor(private readonly sets: MatchSetService) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => ApplyToOfferSetResult, { description: 'Apply a bundle to a set of offers: every part holds a place (PENDING), or none does, in one transaction.' })
  async applyToOfferSet(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToOfferSetInput): Promise<typeof ApplyToOfferSetResult> {
    return toApplySetResult(await this.sets.applyToSet(ctx, input), input.parts);
  }
}
