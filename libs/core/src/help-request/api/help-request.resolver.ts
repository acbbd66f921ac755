import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { CreateHelpRequestInput, CreateHelpRequestsInput, HelpRequestIdArgs, UpdateHelpRequestInput } from './help-request.inputs';
import { HelpRequestService } from '../help-request.service';
import {
  CancelHelpRequestResult,
  CreateHelpRequestResult,
  CreateHelpRequestsResult,
  toCancelHelpRequestResult,
  toCreateHelpRequestResult,
  toCreateHelpRequestsResult,
  toUpdateHelpRequestResult,
  UpdateHelpRequestResult,
} from './help-request.results';
import {
  HelpRequestListArgs,
  HelpRequestModel,
  HelpRequestPageModel,
  MyHelpRequestListArgs,
  toHelpRequestModel,
} from './help-request.models';

@Resolver(() => HelpRequestModel)
export class HelpRequestResolver {
  constructor(private readonly helpRequestService: HelpRequestService) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => CreateHelpRequestResult, {
    description: "Ask for help with one category of service, for the caller's shop; refused when the shop already has an open or matched request for it.",
  })
  async createHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestInput): Promise<typeof CreateHelpRequestResult> {
    return toCreateHelpRequestResult(await this.helpRequestService.createMany(ctx, [input]));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => CreateHelpRequestsResult, {
    description: 'Ask for several categories at once (the needs questionnaire): all are created, or none (one request per service at a time).',
  })
  async createHelpRequests(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestsInput): Promise<typeof CreateHelpRequestsResult> {
    return toCreateHelpRequestsResult(await this.helpRequestService.createMany(ctx, input.requests));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => UpdateHelpRequestResult, { description: 'Change an OPEN request of your shop.' })
  async updateHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: UpdateHelpRequestInput): Promise<typeof UpdateHelpRequestResult> {
    return toUpdateHelpRequestResult(await this.helpRequestService.update(ctx, input));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => CancelHelpRequestResult, { description: 'Withdraw an OPEN or MATCHED request of your shop.' })
  async cancelHelpRequest(@Ctx() ctx: RequestContext, @Args() { id }: HelpRequestIdArgs): Promise<typeof CancelHelpRequestResult> {
    return toCancelHelpRequestResult(await this.helpRequestService.cancel(ctx, id));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => HelpRequestModel, { description: 'One help request (its shop or ministry staff).' })
  async helpRequest(@Ctx() ctx: RequestContext, @Args() { id }: HelpRequestIdArgs): Promise<HelpRequestModel> {
    return toHelpRequestModel(await this.helpRequestService.get(ctx, id));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => HelpRequestPageModel, { description: "The caller's shop's help requests, newest first." })
  async myHelpRequests(@Ctx() ctx: RequestContext, @Args() args: MyHelpRequestListArgs): Promise<HelpRequestPageModel> {
    return mapPage(await this.helpRequestService.listOwn(ctx, args.filter, args), toHelpRequestModel);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => HelpRequestPageModel, { description: 'Help requests of every shop, newest first (ministry staff).' })
  async helpRequests(@Ctx() ctx: RequestContext, @Args() args: HelpRequestListArgs): Promise<HelpRequestPageModel> {
    return mapPage(await this.helpRequestService.list(ctx, args.filter, args), toHelpRequestModel);
  }
}
