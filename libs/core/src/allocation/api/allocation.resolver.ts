import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { HelpRequestModel, toHelpRequestModel } from '../../help-request/api/help-request.models';
import { MatchShopModel, toMatchShopModel } from '../../match/api/match.models';
import { OfferModel, toOfferModel } from '../../offer/api/offer.models';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { mapPage } from '../../common/pagination';
import { PageArgs } from '../../api/pagination';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { AllocationRunService } from '../allocation-run.service';
import { CancelAllocationRunResult, toCancelRunResult } from './allocation.results';
import {
  AllocationRunIdArgs,
  AllocationRunItemModel,
  AllocationRunItemArgs,
  AllocationRunItemPageModel,
  AllocationRunSummaryModel,
  AllocationRunModel,
  AllocationRunPageModel,
  StartAllocationRunInput,
  toAllocationRunItemModel,
  toAllocationRunModel,
} from './allocation-run.models';

@Roles(UserRole.MINISTRY, UserRole.ADMIN)
@Resolver(() => AllocationRunItemModel)
export class AllocationRunItemResolver {
  @ResolveField(() => HelpRequestModel)
  async helpRequest(@Context('loaders') loaders: Loaders, @Parent() item: AllocationRunItemModel): Promise<HelpRequestModel> {
    const request = await loaders.helpRequest.load(item.helpRequestId);
    if (!request) throw new Error(`help request ${item.helpRequestId} of a run item is missing`);
    return toHelpRequestModel(request);
  }

  @ResolveField(() => MatchShopModel, { description: 'The shop that asked.' })
  async shop(@Context('loaders') loaders: Loaders, @Parent() item: AllocationRunItemModel): Promise<MatchShopModel> {
    const request = await loaders.helpRequest.load(item.helpRequestId);
    const shop = request && (await loaders.shop.load(request.shopId));
    if (!shop) throw new Error(`shop of run item ${item.helpRequestId} is missing`);
    return toMatchShopModel(shop);
  }

  @ResolveField(() => OfferModel, { nullable: true })
  async offer(@Context('loaders') loaders: Loaders, @Parent() item: AllocationRunItemModel): Promise<OfferModel | null> {
    const offer = item.offerId ? await loaders.offer.load(item.offerId) : undefined;
    return offer ? toOfferModel(offer) : null;
  }
}

@Roles(UserRole.MINISTRY, UserRole.ADMIN)
@Resolver(() => AllocationRunModel)
export class AllocationResolver {
  constructor(private readonly runs: AllocationRunService) {}

  @Mutation(() => AllocationRunModel, { description: 'Queue an allocation run now, or schedule it (runAt): PREVIEW (dry run) or COMMIT.' })
  async startAllocationRun(@Ctx() ctx: RequestContext, @Args('input') input: StartAllocationRunInput): Promise<AllocationRunModel> {
    return toAllocationRunModel(await this.runs.start(ctx, input));
  }

  @Mutation(() => CancelAllocationRunResult, { description: 'Cancel a run that has not started yet.' })
  async cancelAllocationRun(@Ctx() ctx: RequestContext, @Args() { id }: AllocationRunIdArgs): Promise<typeof CancelAllocationRunResult> {
    return toCancelRunResult(await this.runs.cancel(ctx, id));
  }

  @Query(() => AllocationRunModel)
  async allocationRun(@Ctx() ctx: RequestContext, @Args() { id }: AllocationRunIdArgs): Promise<AllocationRunModel> {
    return toAllocationRunModel(await this.runs.get(ctx, id));
  }

  @Query(() => AllocationRunPageModel, { description: 'Allocation runs, newest first.' })
  async allocationRuns(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<AllocationRunPageModel> {
    return mapPage(await this.runs.list(ctx, page), toAllocationRunModel);
  }

  @ResolveField(() => AllocationRunSummaryModel, { description: 'Requests served, and how locally: what to read instead of the total cost.' })
  async summary(@Ctx() ctx: RequestContext, @Parent() run: AllocationRunModel): Promise<AllocationRunSummaryModel> {
    return this.runs.summary(ctx, run.id);
  }

  @ResolveField(() => AllocationRunItemPageModel, { description: 'Who got what (or why not), served first.' })
  async items(@Ctx() ctx: RequestContext, @Parent() run: AllocationRunModel, @Args() args: AllocationRunItemArgs): Promise<AllocationRunItemPageModel> {
    return mapPage(await this.runs.items(ctx, run.id, args.filter, args), toAllocationRunItemModel);
  }
}
