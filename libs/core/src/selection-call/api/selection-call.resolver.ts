import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { PageArgs } from '../../api/pagination';
import { ListSize } from '../../api/query-cost';
import { Ctx } from '../../api/request-context';
import { MAX_CALL_OFFERS } from './selection-call.inputs';
import { MAX_FIGURES_CALLS } from '../call-results.service';
import { PublicCache } from '../../api/public-cache';
import { Public, Roles, SignedInIfAny } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { MatchShopModel, shopOwnerErased, toMatchShopModel } from '../../match/api/match.models';
import { MatchState } from '../../match/match.types';
import { CallOrganisationModel, toCallOrganisationModel } from './call-publisher.api';
import { OfferModel, toOfferModel } from '../../offer/api/offer.models';
import { offerVisibleTo } from '../../offer/offer-status';
import { isStaff } from '../../common/access';
import { CallApplicationService } from '../call-application.service';
import { CallReserveReason } from '../selection-call.types';
import { CallAdmissionCheck } from '../call-admission-check';
import { CallClosingService } from '../call-closing.service';
import { CallResultsService } from '../call-results.service';
import { SelectionCallService } from '../selection-call.service';
import {
  ApplyToCallInput,
  CallApplicationListArgs,
  CallIdArgs,
  CreateSelectionCallInput,
  ExcludeCallApplicationInput,
  GraduatoriaArgs,
  SelectionCallIdArgs,
  SelectionCallListArgs,
} from './selection-call.inputs';
import {
  CallApplicationModel,
  CallApplicationPageModel,
  CallFiguresModel,
  GraduatoriaPageModel,
  SelectionCallModel,
  SelectionCallPageModel,
  toCallApplicationModel,
  toCallFiguresModel,
  toGraduatoriaRowModel,
  ineligibilityModels,
  CallIneligibilityReasonModel,
  toSelectionCallModel,
} from './selection-call.models';
import {
  ApplyToCallResult,
  CloseSelectionCallResult,
  ExcludeCallApplicationResult,
  DiscardSelectionCallResult,
  PublishSelectionCallResult,
  toApplyResult,
  toCloseResult,
  toExcludeResult,
  toDiscardResult,
  toPublishResult,
} from './selection-call.results';

/** The public list of calls changes when one is published or closes: a minute's staleness is told by the page's own times. */
const PUBLIC_CALLS_CACHE_SECONDS = 60;

@Resolver(() => SelectionCallModel)
export class SelectionCallResolver {
  constructor(
    private readonly calls: SelectionCallService,
    private readonly closing: CallClosingService,
    private readonly results: CallResultsService,
  ) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Mutation(() => SelectionCallModel, { description: 'A DRAFT selection call (staff, or an authorised organisation for itself): offers, places, window, eligibility, declarations, questions, weighted criteria and tie-break.' })
  async createSelectionCall(@Ctx() ctx: RequestContext, @Args('input') input: CreateSelectionCallInput): Promise<SelectionCallModel> {
    const call = await this.calls.create(ctx, input);
    return toSelectionCallModel(call, input.offerIds);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Mutation(() => PublishSelectionCallResult, { description: 'Open a DRAFT call to applications (staff, or the authorised organisation running it); its draw seed is fixed and published.' })
  async publishSelectionCall(@Ctx() ctx: RequestContext, @Args() { id }: SelectionCallIdArgs): Promise<typeof PublishSelectionCallResult> {
    return toPublishResult(await this.calls.publish(ctx, id), await this.calls.offerIds(ctx, id));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Mutation(() => DiscardSelectionCallResult, { description: 'Remove a DRAFT call (staff, or the authorised organisation running it): a draft cannot be edited, so a wrong one is removed and made anew.' })
  async discardSelectionCall(@Ctx() ctx: RequestContext, @Args() { id }: SelectionCallIdArgs): Promise<typeof DiscardSelectionCallResult> {
    return toDiscardResult(await this.calls.discard(ctx, id));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Mutation(() => CloseSelectionCallResult, {
    description: 'Close a call whose window has ended (staff, or the authorised organisation running it) (the platform does it within a minute anyway): rank, give the places, publish the graduatoria. Closing again changes nothing.',
  })
  async closeSelectionCall(@Ctx() ctx: RequestContext, @Args() { id }: SelectionCallIdArgs): Promise<typeof CloseSelectionCallResult> {
    return toCloseResult(await this.closing.close(ctx, id), await this.calls.offerIds(ctx, id));
  }

  @Query(() => SelectionCallModel, { description: 'A call (drafts: staff and the organisation running it).' })
  async selectionCall(@Ctx() ctx: RequestContext, @Args() { id }: SelectionCallIdArgs): Promise<SelectionCallModel> {
    return toSelectionCallModel(await this.calls.get(ctx, id), await this.calls.offerIds(ctx, id));
  }

  @Public()
  @SignedInIfAny()
  @PublicCache(PUBLIC_CALLS_CACHE_SECONDS)
  @Query(() => SelectionCallPageModel, {
    description: 'Calls, latest closing first: published ones for anyone, signed in or not (drafts: staff, and an organisation its own); `filter.organisationId` keeps one organisation’s calls.',
  })
  async selectionCalls(@Ctx() ctx: RequestContext, @Args() args: SelectionCallListArgs): Promise<SelectionCallPageModel> {
    const page = await this.calls.list(ctx, args.filter, args);
    const offerIds = await this.calls.offerIdsOf(ctx, page.items.map((call) => call.id));
    return mapPage(page, (call) => toSelectionCallModel(call, offerIds.get(call.id) ?? []));
  }

  @Public()
  @Query(() => SelectionCallModel, { description: 'A closed call, for its public graduatoria page (public).' })
  async publishedSelectionCall(@Ctx() ctx: RequestContext, @Args() { id }: SelectionCallIdArgs): Promise<SelectionCallModel> {
    const call = await this.calls.getClosed(ctx, id);
    return toSelectionCallModel(call, await this.calls.offerIds(ctx, id));
  }

  @Public()
  @Query(() => GraduatoriaPageModel, { description: 'The published ranking of a closed call, in rank order (public; shop name, comune, score, outcome, and the application id with its draw key, to check the draw).' })
  async callGraduatoria(@Ctx() ctx: RequestContext, @Args() args: GraduatoriaArgs): Promise<GraduatoriaPageModel> {
    return mapPage(await this.results.graduatoria(ctx, args.callId, args), toGraduatoriaRowModel);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @ListSize(MAX_FIGURES_CALLS)
  @Query(() => [CallFiguresModel], { description: 'Published calls with places, admitted and reserve list, latest closing first (at most 50).' })
  async callFigures(@Ctx() ctx: RequestContext): Promise<CallFiguresModel[]> {
    return (await this.results.figures(ctx)).map(toCallFiguresModel);
  }

  @ResolveField(() => CallOrganisationModel, { nullable: true, description: 'The authorised organisation that runs the call (public); null when the ministry runs it.' })
  async publisher(@Context('loaders') loaders: Loaders, @Parent() call: SelectionCallModel): Promise<CallOrganisationModel | null> {
    if (!call.publisherOrganisationId) return null;
    const organisation = await loaders.facilitator.load(call.publisherOrganisationId);
    if (!organisation) throw new Error(`organisation of call ${call.id} is missing`);
    return toCallOrganisationModel(organisation);
  }

  @ListSize(MAX_CALL_OFFERS)
  @ResolveField(() => [OfferModel], { description: 'The offers whose places it gives, as the caller may see them (published offers of approved providers only, except for staff and the offer\'s provider).' })
  async offers(@Ctx() ctx: RequestContext, @Context('loaders') loaders: Loaders, @Parent() call: SelectionCallModel): Promise<OfferModel[]> {
    const offers = (await loaders.offer.loadMany(call.offerIds)).flatMap((offer) => (offer && !(offer instanceof Error) ? [offer] : []));
    const providers = await loaders.provider.loadMany(offers.map((offer) => offer.providerId));
    const viewer = ctx.actor && { userId: ctx.actor.userId, staff: isStaff(ctx.actor) };
    return offers.filter((offer, i) => offerVisibleTo(viewer, offer, providers[i] instanceof Error ? undefined : providers[i])).map(toOfferModel);
  }
}

@Resolver(() => CallApplicationModel)
export class CallApplicationResolver {
  constructor(
    private readonly applications: CallApplicationService,
    private readonly admission: CallAdmissionCheck,
  ) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => ApplyToCallResult, {
    description: 'Apply to an open call with the declarations and answers it asks (once per call); a facilitator for the shop it acts for, not to a call its own organisation runs.',
  })
  async applyToCall(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToCallInput): Promise<typeof ApplyToCallResult> {
    return toApplyResult(await this.applications.apply(ctx, input));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Mutation(() => ExcludeCallApplicationResult, { description: 'Take an application out of the ranking, with the reason, before the call closes (staff, or the authorised organisation running the call).' })
  async excludeCallApplication(@Ctx() ctx: RequestContext, @Args('input') input: ExcludeCallApplicationInput): Promise<typeof ExcludeCallApplicationResult> {
    return toExcludeResult(await this.applications.exclude(ctx, input));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @Query(() => CallApplicationPageModel, { description: 'A call’s applications, in rank order once it is closed (staff; an organisation for the calls it runs).' })
  async callApplications(@Ctx() ctx: RequestContext, @Args() args: CallApplicationListArgs): Promise<CallApplicationPageModel> {
    const page = await this.applications.listForCall(ctx, args.callId, { status: args.status }, args);
    return mapPage(page, (application) => Object.assign(toCallApplicationModel(application), { shopContacts: page.contacts }));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => CallApplicationModel, { nullable: true, description: 'Your shop’s application to a call, with its score and why; null when it has not applied.' })
  async myCallApplication(@Ctx() ctx: RequestContext, @Args() { callId }: CallIdArgs): Promise<CallApplicationModel | null> {
    const application = await this.applications.findOwn(ctx, callId);
    return application ? toCallApplicationModel(application) : null;
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => CallReserveReason, {
    nullable: true,
    description:
      'Before applying: why, as things stand now, the closing could give your shop no place however high it ranked (SHOP_LIMIT, CATEGORY_HELD or NOT_REACHED); null when nothing stands in the way. A warning: the closing decides on its day.',
  })
  async myCallAdmissionObstacle(@Ctx() ctx: RequestContext, @Args() { callId }: CallIdArgs): Promise<CallReserveReason | null> {
    return this.admission.obstacle(ctx, callId);
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @ListSize(4)
  @Query(() => [CallIneligibilityReasonModel], {
    description: 'Before applying: the call’s rules your shop fails by what it is (sector, size, territory), in words naming the call’s own terms; empty when it may apply.',
  })
  async myCallIneligibility(@Ctx() ctx: RequestContext, @Args() { callId }: CallIdArgs): Promise<CallIneligibilityReasonModel[]> {
    const { failed, call, territory } = await this.applications.ineligibility(ctx, callId);
    return ineligibilityModels(failed, call, territory);
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => CallApplicationPageModel, { description: 'Your shop’s applications to calls, newest first.' })
  async myCallApplications(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<CallApplicationPageModel> {
    return mapPage(await this.applications.listOwn(ctx, page), toCallApplicationModel);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The facilitator organisation that submitted the application for the shop, confirming its declarations in the shop’s name; null when the shop did.',
  })
  async submittedByFacilitatorName(@Context('loaders') loaders: Loaders, @Parent() application: CallApplicationModel): Promise<string | null> {
    return application.submittedByFacilitatorId ? ((await loaders.facilitator.load(application.submittedByFacilitatorId))?.name ?? null) : null;
  }

  @ResolveField(() => MatchState, { nullable: true, description: 'ADMITTED: where the place won stands now (the state of the match matchId), which the shop may have given up or completed since.' })
  async matchState(@Context('loaders') loaders: Loaders, @Parent() application: CallApplicationModel): Promise<MatchState | null> {
    return application.matchId ? ((await loaders.matchState.load(application.matchId)) ?? null) : null;
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR)
  @ResolveField(() => MatchShopModel, { description: 'The shop that applied (staff, and the organisation running the call: only its applications reach it; the shop’s contacts only while its authorisation to run calls is in force).' })
  async shop(@Context('loaders') loaders: Loaders, @Parent() application: CallApplicationModel): Promise<MatchShopModel> {
    const shop = await loaders.shop.load(application.shopId);
    if (!shop) throw new Error(`shop of application ${application.id} is missing`);
    return toMatchShopModel(shop, application.shopContacts && !(await shopOwnerErased(loaders, shop)));
  }
}
