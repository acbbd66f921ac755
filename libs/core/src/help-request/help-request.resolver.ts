import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { UserRole } from '../auth/user-role';
import { mapPage } from '../common/pagination';
import { Ctx, RequestContext } from '../common/request-context';
import { REQUEST_STATUS_WORDS, statusWords } from '../common/status-words';
import { CreateHelpRequestInput, CreateHelpRequestsInput, HelpRequestIdArgs, UpdateHelpRequestInput } from './dto/help-request.inputs';
import { HelpRequestService } from './help-request.service';
import { HelpRequestStatus } from './help-request.types';
import {
  HelpRequestListArgs,
  HelpRequestModel,
  HelpRequestPageModel,
  HelpRequestStatusErrorModel,
  MyHelpRequestListArgs,
  toHelpRequestModel,
} from './models/help-request.models';
import { ServiceCategory } from '@vec/matching';
import { ListSize } from '../common/query-cost';

const resolveHelpRequestResult = (value: { code?: string }): typeof HelpRequestModel | typeof HelpRequestStatusErrorModel =>
  value.code === 'NOT_OPEN' || value.code === 'INVALID_TRANSITION' || value.code === 'ON_WAITLIST' ? HelpRequestStatusErrorModel : HelpRequestModel;

export const UpdateHelpRequestResult = createUnionType({
  name: 'UpdateHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel] as const,
  resolveType: resolveHelpRequestResult,
});

export const CancelHelpRequestResult = createUnionType({
  name: 'CancelHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel] as const,
  resolveType: resolveHelpRequestResult,
});

@Resolver(() => HelpRequestModel)
export class HelpRequestResolver {
  constructor(private readonly helpRequestService: HelpRequestService) {}

  @Roles(UserRole.SHOP)
  @Mutation(() => HelpRequestModel, { description: "Ask for help with one category of service, for the caller's shop." })
  async createHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestInput): Promise<HelpRequestModel> {
    return toHelpRequestModel(await this.helpRequestService.create(ctx, input));
  }

  @Roles(UserRole.SHOP)
  @ListSize(Object.values(ServiceCategory).length)
  @Mutation(() => [HelpRequestModel], { description: 'Ask for several categories at once (the needs questionnaire): all are created, or none.' })
  async createHelpRequests(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestsInput): Promise<HelpRequestModel[]> {
    return (await this.helpRequestService.createMany(ctx, input.requests)).map(toHelpRequestModel);
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => UpdateHelpRequestResult, { description: 'Change an OPEN request of your shop.' })
  async updateHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: UpdateHelpRequestInput): Promise<typeof UpdateHelpRequestResult> {
    const outcome = await this.helpRequestService.update(ctx, input);
    if (outcome.kind === 'request') return toHelpRequestModel(outcome.request);
    if (outcome.kind === 'on-waitlist') {
      return {
        code: 'ON_WAITLIST',
        field: 'input.category',
        currentStatus: HelpRequestStatus.OPEN,
        message: 'This request is on a waitlist for its service: leave the waitlist before changing the service',
        messageIt: "Questa richiesta è in lista d’attesa per il suo servizio: esci dalla lista d’attesa prima di cambiare servizio",
      };
    }
    return {
      code: 'NOT_OPEN',
      field: 'input.id',
      currentStatus: outcome.current,
      message: `The request is ${statusWords(REQUEST_STATUS_WORDS, outcome.current).en}: only an open request can change`,
      messageIt: `La richiesta è ${statusWords(REQUEST_STATUS_WORDS, outcome.current).it}: si può modificare solo una richiesta aperta`,
    };
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => CancelHelpRequestResult, { description: 'Withdraw an OPEN or MATCHED request of your shop.' })
  async cancelHelpRequest(@Ctx() ctx: RequestContext, @Args() { id }: HelpRequestIdArgs): Promise<typeof CancelHelpRequestResult> {
    const outcome = await this.helpRequestService.cancel(ctx, id);
    if (outcome.kind === 'request') return toHelpRequestModel(outcome.request);
    return {
      code: 'INVALID_TRANSITION',
      field: 'id',
      currentStatus: outcome.current,
      message: `The request is ${statusWords(REQUEST_STATUS_WORDS, outcome.current).en}: it can no longer be withdrawn`,
      messageIt: `La richiesta è ${statusWords(REQUEST_STATUS_WORDS, outcome.current).it}: non si può più ritirare`,
    };
  }

  @Roles(UserRole.SHOP, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => HelpRequestModel, { description: 'One help request (its shop or ministry staff).' })
  async helpRequest(@Ctx() ctx: RequestContext, @Args() { id }: HelpRequestIdArgs): Promise<HelpRequestModel> {
    return toHelpRequestModel(await this.helpRequestService.get(ctx, id));
  }

  @Roles(UserRole.SHOP)
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
