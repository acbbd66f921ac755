import { Args, Field, ID, InputType, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsUUID, ValidateNested } from 'class-validator';
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
import { MatchLifecycleService, WithdrawSetOutcome } from '../match-lifecycle.service';
import { ApplySetOutcome, MatchSetService } from '../match-set.service';
import { MatchQueryService } from '../match-query.service';
import { MatchState } from '../match.types';
import { HelpRequestBundleModel } from '../../help-request/api/help-request-bundle.resolver';
import { OptionalWithdrawalReason } from './match.inputs';
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

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'When a part\'s offer is full (and it fits otherwise), wait for the whole set: every part joins its offer\'s waitlist, holding no place, and the set is promoted only when every part has a place at once. Otherwise such a set is refused with SET_PART_FULL.',
  })
  @IsBoolean()
  joinWaitlist: boolean = false;
}

@InputType()
export class WithdrawMatchSetInput {
  @Field(() => ID, { description: 'The set, as MatchSet.setId or Match.setId give it.' }) @IsUUID('all', identifies('any')) setId!: string;

  @OptionalWithdrawalReason()
  reason?: string;
}

@ObjectType('MatchSet', { description: 'The parts of a set application: one match per part, all held (PENDING) or all waiting (WAITLISTED) when it opened.' })
export class MatchSetModel {
  @Field(() => ID, { description: 'What the parts share (Match.setId): the set is withdrawn by it in one step.' }) setId!: string;
  @Field({ description: 'True when the set waits for a place on every part (each part WAITLISTED, no place held).' }) waitlisted!: boolean;
  @ListSize(CATEGORY_COUNT) @Field(() => [MatchModel]) matches!: MatchModel[];
}

@ObjectType('SetNotOpenError', { implements: () => [BusinessErrorModel], description: 'No part of the set is waiting or in progress any more: nothing was withdrawn.' })
export class SetNotOpenErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'SET_NOT_OPEN';
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

export const WithdrawMatchSetResult = resultUnion({
  name: 'WithdrawMatchSetResult',
  types: () => [MatchSetModel, SetNotOpenErrorModel] as const,
});

export function toWithdrawSetResult(outcome: WithdrawSetOutcome, setId: string): typeof WithdrawMatchSetResult {
  switch (outcome.kind) {
    case 'withdrawn':
      return modelOf(MatchSetModel, { setId, waitlisted: false, matches: outcome.matches.map(toMatchModel) });
    case 'nothing-open':
      return new SetNotOpenErrorModel(MESSAGES.bundle.setNotOpen(), 'input.setId');
  }
}

export function toApplySetResult(outcome: ApplySetOutcome, parts: readonly { helpRequestId: string }[]): typeof ApplyToOfferSetResult {
  switch (outcome.kind) {
    case 'matches':
      return modelOf(MatchSetModel, { setId: outcome.setId, waitlisted: outcome.waitlisted, matches: outcome.matches.map(toMatchModel) });
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
  constructor(
    private readonly sets: MatchSetService,
    private readonly lifecycle: MatchLifecycleService,
  ) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => ApplyToOfferSetResult, {
    description:
      'Apply a bundle to a set of offers: every part holds a place (PENDING), or none does, in one transaction. With joinWaitlist, a set with a full part waits as a whole (every part WAITLISTED) and is promoted when every part has a place; withdrawing or losing one waiting part ends the wait of the others.',
  })
  async applyToOfferSet(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToOfferSetInput): Promise<typeof ApplyToOfferSetResult> {
    return toApplySetResult(await this.sets.applyToSet(ctx, input), input.parts);
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => WithdrawMatchSetResult, { description: 'Withdraw every part of a set still waiting or in progress, in one step; the places held go to the offers\' waitlists. Parts already over are left as they are.' })
  async withdrawMatchSet(@Ctx() ctx: RequestContext, @Args('input') input: WithdrawMatchSetInput): Promise<typeof WithdrawMatchSetResult> {
    return toWithdrawSetResult(await this.lifecycle.withdrawSet(ctx, input.setId, input.reason), input.setId);
  }
}

/** A bundle's sets still waiting or in progress, read with the bundle. */
@Resolver(() => HelpRequestBundleModel)
export class BundleSetsResolver {
  constructor(private readonly queries: MatchQueryService) {}

  // A bundle has at most one open match per service, so at most as many open sets as services.
  @ListSize(CATEGORY_COUNT)
  @ResolveField(() => [MatchSetModel], { description: 'The sets applied to for this bundle that still wait or are in progress, oldest first, each with its open parts.' })
  async openSets(@Ctx() ctx: RequestContext, @Parent() bundle: HelpRequestBundleModel): Promise<MatchSetModel[]> {
    const sets = await this.queries.openSetsOfBundle(ctx, bundle);
    return sets.map(({ setId, matches }) =>
      modelOf(MatchSetModel, { setId, waitlisted: matches.every((match) => match.state === MatchState.WAITLISTED), matches: matches.map(toMatchModel) }),
    );
  }
}
