import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import type { Loaders } from '../../api/loaders';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { modelOf } from '../../api/model-instance';
import { HelpRequestModel, toHelpRequestModel } from '../../help-request/api/help-request.models';
import { OfferModel, PublicProviderModel, toOfferModel, toPublicProviderModel } from '../../offer/api/offer.models';
import { ComuneModel, toComuneModel } from '../../territory/api/territory.models';
import { AnswerOutcomeSurveyInput, ApplyToOfferInput, DeclineMatchInput, MatchIdArgs, WithdrawMatchInput } from './match.inputs';
import { MatchApplicationService } from '../match-application.service';
import { MatchLifecycleService } from '../match-lifecycle.service';
import { MatchQueryService } from '../match-query.service';
import { AnswerOutcomeSurveyResult, ApplyToOfferResult, MatchStepResult, toApplyResult, toStepResult, toSurveyResult } from './match.results';
import {
  MatchListArgs,
  MatchModel,
  MatchPageModel,
  MatchShopModel,
  MatchTransitionModel,
  OutcomeSurveyModel,
  toMatchModel,
  toMatchShopModel,
  toSurveyModel,
  shopOwnerErased,
  toTransitionModel,
} from './match.models';
import { MatchState, OutcomeCheckpoint } from '../match.types';
import { OutcomeSurveyService } from '../outcome-survey.service';
import { surveysDue } from '../surveys-due';
import { ListSize } from '../../api/query-cost';
import { required } from '../../common/required';
import { reasonTexts } from '../match-reasons';
import { discloseShopTo, endReasonAuthor, reasonFor } from '../shop-disclosure';

@Resolver(() => MatchModel)
export class MatchResolver {
  constructor(
    private readonly applications: MatchApplicationService,
    private readonly lifecycle: MatchLifecycleService,
    private readonly queries: MatchQueryService,
    private readonly outcomeSurveys: OutcomeSurveyService,
  ) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => ApplyToOfferResult, { description: 'Apply an open request to an offer: PENDING (a place is held) or, when full, WAITLISTED.' })
  async applyToOffer(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToOfferInput): Promise<typeof ApplyToOfferResult> {
    return toApplyResult(await this.applications.apply(ctx, input));
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => MatchStepResult, { description: 'PENDING → ACCEPTED, before the answer deadline.' })
  async acceptMatch(@Ctx() ctx: RequestContext, @Args() { id }: MatchIdArgs): Promise<typeof MatchStepResult> {
    return toStepResult(await this.lifecycle.act(ctx, id, 'accept'), 'accept');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => MatchStepResult, { description: 'PENDING, or ACCEPTED before the shop started the service → DECLINED, with a reason the shop reads; the place goes to the waitlist.' })
  async declineMatch(@Ctx() ctx: RequestContext, @Args('input') input: DeclineMatchInput): Promise<typeof MatchStepResult> {
    return toStepResult(await this.lifecycle.act(ctx, input.id, 'decline', input.reason), 'decline');
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => MatchStepResult, { description: 'ACCEPTED → ACTIVE: the shop confirms the service is running; the free period starts.' })
  async confirmMatchActive(@Ctx() ctx: RequestContext, @Args() { id }: MatchIdArgs): Promise<typeof MatchStepResult> {
    return toStepResult(await this.lifecycle.act(ctx, id, 'activate'), 'activate');
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.PROVIDER)
  @Mutation(() => MatchStepResult, { description: 'ACTIVE → COMPLETED before the free period ends (it completes by itself when it ends).' })
  async completeMatch(@Ctx() ctx: RequestContext, @Args() { id }: MatchIdArgs): Promise<typeof MatchStepResult> {
    return toStepResult(await this.lifecycle.act(ctx, id, 'complete'), 'complete');
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => MatchStepResult, { description: 'The shop gives up a waitlist place or a pending, accepted or active match.' })
  async withdrawMatch(@Ctx() ctx: RequestContext, @Args('input') input: WithdrawMatchInput): Promise<typeof MatchStepResult> {
    return toStepResult(await this.lifecycle.act(ctx, input.id, 'withdraw', input.reason), 'withdraw');
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => AnswerOutcomeSurveyResult, { description: 'Did the service bring online orders, and roughly how many (at completion, or 30 and 90 days after activation).' })
  async answerOutcomeSurvey(@Ctx() ctx: RequestContext, @Args('input') input: AnswerOutcomeSurveyInput): Promise<typeof AnswerOutcomeSurveyResult> {
    return toSurveyResult(await this.outcomeSurveys.answer(ctx, input));
  }

  @Query(() => MatchModel, { description: 'One match: its shop, its provider, or ministry staff.' })
  async match(@Ctx() ctx: RequestContext, @Args() { id }: MatchIdArgs): Promise<MatchModel> {
    return toMatchModel(await this.queries.get(ctx, id));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.PROVIDER)
  @Query(() => MatchPageModel, { description: "The caller's matches: a shop's own, or those of the organisation's offers; newest first, but filtered on PENDING the answer due first comes first." })
  async myMatches(@Ctx() ctx: RequestContext, @Args() args: MatchListArgs): Promise<MatchPageModel> {
    return mapPage(await this.queries.listMine(ctx, args.filter, args), toMatchModel);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => MatchPageModel, { description: 'Every match, newest first, but filtered on PENDING the answer due first comes first (ministry staff).' })
  async matches(@Ctx() ctx: RequestContext, @Args() args: MatchListArgs): Promise<MatchPageModel> {
    return mapPage(await this.queries.list(ctx, args.filter, args), toMatchModel);
  }

  // The shop's own words follow its contacts: a provider reads them only while it deals with the shop.
  @ResolveField(() => HelpRequestModel)
  async helpRequest(@Context('loaders') loaders: Loaders, @Ctx() ctx: RequestContext, @Parent() match: MatchModel): Promise<HelpRequestModel> {
    const request = toHelpRequestModel(required(await loaders.helpRequest.load(match.helpRequestId), `help request of match ${match.id}`));
    return discloseShopTo(ctx.actor, match, ctx.now) ? request : modelOf(HelpRequestModel, { ...request, description: null });
  }

  @ResolveField(() => OfferModel)
  async offer(@Context('loaders') loaders: Loaders, @Parent() match: MatchModel): Promise<OfferModel> {
    return toOfferModel(required(await loaders.offer.load(match.offerId), `offer of match ${match.id}`));
  }

  @ResolveField(() => PublicProviderModel)
  async provider(@Context('loaders') loaders: Loaders, @Parent() match: MatchModel): Promise<PublicProviderModel> {
    const offer = required(await loaders.offer.load(match.offerId), `offer of match ${match.id}`);
    return toPublicProviderModel(required(await loaders.provider.load(offer.providerId), `provider of match ${match.id}`));
  }

  @ResolveField(() => MatchShopModel, { description: 'Who to serve, and how to reach them while the provider deals with the shop (see MatchShop).' })
  async shop(@Context('loaders') loaders: Loaders, @Ctx() ctx: RequestContext, @Parent() match: MatchModel): Promise<MatchShopModel> {
    const shop = required(await loaders.shop.load(match.shopId), `shop of match ${match.id}`);
    return toMatchShopModel(shop, !(await shopOwnerErased(loaders, shop)) && discloseShopTo(ctx.actor, match, ctx.now));
  }

  // The shop's own words on a match it gave up are withheld from the provider like its contacts.
  @ResolveField(() => String, { nullable: true, description: 'Why it ended, as recorded: a platform code or the words of the person who acted (the shop’s words reach its provider only while the contacts do).' })
  endReason(@Ctx() ctx: RequestContext, @Parent() match: MatchModel): string | null {
    return reasonFor(ctx.actor, match, ctx.now, match.endReason, endReasonAuthor(match.state));
  }

  @ResolveField(() => String, { nullable: true, description: 'Why it ended, in English words.' })
  endReasonText(@Ctx() ctx: RequestContext, @Parent() match: MatchModel): string | null {
    return reasonTexts(this.endReason(ctx, match))[0];
  }

  @ResolveField(() => String, { nullable: true, description: 'Why it ended, in Italian words.' })
  endReasonTextIt(@Ctx() ctx: RequestContext, @Parent() match: MatchModel): string | null {
    return reasonTexts(this.endReason(ctx, match))[1];
  }

  // The state machine has no cycle: a match passes through each state at most once.
  @ListSize(Object.keys(MatchState).length)
  @ResolveField(() => [MatchTransitionModel], { description: 'Every step so far, oldest first.' })
  async transitions(@Context('loaders') loaders: Loaders, @Ctx() ctx: RequestContext, @Parent() match: MatchModel): Promise<MatchTransitionModel[]> {
    const steps = await loaders.matchTransitions.load(match.id);
    return steps.map((step) => toTransitionModel(step, reasonFor(ctx.actor, match, ctx.now, step.reason, step.actorRole)));
  }

  @ListSize(Object.keys(OutcomeCheckpoint).length)
  @ResolveField(() => [OutcomeSurveyModel])
  async surveys(@Context('loaders') loaders: Loaders, @Parent() match: MatchModel): Promise<OutcomeSurveyModel[]> {
    return (await loaders.matchSurveys.load(match.id)).map(toSurveyModel);
  }

  @ResolveField(() => [OutcomeCheckpoint], { description: 'Survey checkpoints the shop may answer now and has not yet.' })
  async surveysDue(@Context('loaders') loaders: Loaders, @Context('ctx') ctx: RequestContext, @Parent() match: MatchModel): Promise<OutcomeCheckpoint[]> {
    const answered = (await loaders.matchSurveys.load(match.id)).map((s) => s.checkpoint);
    return surveysDue(match, answered, ctx.now);
  }

  @ResolveField(() => Int, { nullable: true, description: 'WAITLISTED: 1-based place in the queue (oldest request first).' })
  async waitlistPosition(@Context('loaders') loaders: Loaders, @Parent() match: MatchModel): Promise<number | null> {
    return loaders.waitlistPosition.load(match.id);
  }
}

@Resolver(() => MatchShopModel)
export class MatchShopResolver {
  @ResolveField(() => ComuneModel)
  async comune(@Context('loaders') loaders: Loaders, @Parent() shop: MatchShopModel): Promise<ComuneModel> {
    return toComuneModel(required(await loaders.comune.load(shop.comuneCode), `comune ${shop.comuneCode}`));
  }
}
