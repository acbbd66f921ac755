import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { dayWords, REQUEST_STATUS_WORDS, statusWords } from '../../common/status-words';
import { CreateHelpRequestInput, CreateHelpRequestsInput, HelpRequestIdArgs, UpdateHelpRequestInput } from './help-request.inputs';
import { Duplicate, HelpRequestService } from '../help-request.service';
import { HelpRequestStatus } from '../help-request.types';
import {
  DuplicateHelpRequestErrorModel,
  HelpRequestBatchModel,
  HelpRequestListArgs,
  HelpRequestModel,
  HelpRequestPageModel,
  HelpRequestStatusErrorModel,
  MyHelpRequestListArgs,
  toHelpRequestModel,
} from './help-request.models';
import { SERVICE_CATEGORY_LABELS } from '@vec/matching';
import { fieldPath } from '../../common/field-path';

const resolveHelpRequestResult = (value: { code?: string }): typeof HelpRequestModel | typeof HelpRequestStatusErrorModel | typeof DuplicateHelpRequestErrorModel =>
  value.code === 'DUPLICATE_REQUEST'
    ? DuplicateHelpRequestErrorModel
    : value.code === 'NOT_OPEN' || value.code === 'INVALID_TRANSITION' || value.code === 'ON_WAITLIST'
      ? HelpRequestStatusErrorModel
      : HelpRequestModel;

export const CreateHelpRequestResult = createUnionType({
  name: 'CreateHelpRequestResult',
  types: () => [HelpRequestModel, DuplicateHelpRequestErrorModel] as const,
  resolveType: (value: { code?: string }) => (value.code === 'DUPLICATE_REQUEST' ? DuplicateHelpRequestErrorModel : HelpRequestModel),
});

export const CreateHelpRequestsResult = createUnionType({
  name: 'CreateHelpRequestsResult',
  types: () => [HelpRequestBatchModel, DuplicateHelpRequestErrorModel] as const,
  resolveType: (value: { code?: string }) => (value.code === 'DUPLICATE_REQUEST' ? DuplicateHelpRequestErrorModel : HelpRequestBatchModel),
});

export const UpdateHelpRequestResult = createUnionType({
  name: 'UpdateHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel, DuplicateHelpRequestErrorModel] as const,
  resolveType: resolveHelpRequestResult,
});

/** The refusal of a second request for a service, pointing at the one the shop already has. */
function duplicateError(duplicate: Duplicate, field: string): DuplicateHelpRequestErrorModel {
  const service = SERVICE_CATEGORY_LABELS[duplicate.category];
  const { existing } = duplicate;
  const base = { code: 'DUPLICATE_REQUEST', field, category: duplicate.category, existingRequestId: existing?.id ?? null, existingStatus: existing?.status ?? null };
  if (!existing) {
    return {
      ...base,
      message: `«${service.en}» is asked for twice: keep one`,
      messageIt: `«${service.it}» è chiesto due volte: tienine uno`,
    };
  }
  const since = dayWords(existing.createdAt);
  const matched = existing.status === HelpRequestStatus.MATCHED;
  return {
    ...base,
    message: matched
      ? `You already have a request for «${service.en}» (of ${since.en}) matched with a service: it is in My requests; give that service up before asking again`
      : `You already have an open request for «${service.en}» (of ${since.en}): it is in My requests; change that one, or withdraw it before asking again`,
    messageIt: matched
      ? `Hai già una richiesta per «${service.it}» (del ${since.it}) abbinata a un servizio: è in «Le mie richieste»; rinuncia a quel servizio prima di chiedere di nuovo`
      : `Hai già una richiesta aperta per «${service.it}» (del ${since.it}): è in «Le mie richieste»; modifica quella, oppure ritirala prima di chiedere di nuovo`,
  };
}

export const CancelHelpRequestResult = createUnionType({
  name: 'CancelHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel] as const,
  resolveType: resolveHelpRequestResult,
});

@Resolver(() => HelpRequestModel)
export class HelpRequestResolver {
  constructor(private readonly helpRequestService: HelpRequestService) {}

  @Roles(UserRole.SHOP)
  @Mutation(() => CreateHelpRequestResult, {
    description: "Ask for help with one category of service, for the caller's shop; refused when the shop already has an open or matched request for it.",
  })
  async createHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestInput): Promise<typeof CreateHelpRequestResult> {
    const outcome = await this.helpRequestService.createMany(ctx, [input]);
    return outcome.kind === 'duplicate' ? duplicateError(outcome.duplicate, 'input.category') : toHelpRequestModel(outcome.requests[0]);
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => CreateHelpRequestsResult, {
    description: 'Ask for several categories at once (the needs questionnaire): all are created, or none (one request per service at a time).',
  })
  async createHelpRequests(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestsInput): Promise<typeof CreateHelpRequestsResult> {
    const outcome = await this.helpRequestService.createMany(ctx, input.requests);
    if (outcome.kind === 'duplicate') return duplicateError(outcome.duplicate, fieldPath('input', 'requests', outcome.duplicate.index, 'category'));
    return { requests: outcome.requests.map(toHelpRequestModel) };
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => UpdateHelpRequestResult, { description: 'Change an OPEN request of your shop.' })
  async updateHelpRequest(@Ctx() ctx: RequestContext, @Args('input') input: UpdateHelpRequestInput): Promise<typeof UpdateHelpRequestResult> {
    const outcome = await this.helpRequestService.update(ctx, input);
    if (outcome.kind === 'request') return toHelpRequestModel(outcome.request);
    if (outcome.kind === 'duplicate') return duplicateError(outcome.duplicate, 'input.category');
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
