import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { ListSize } from '../../api/query-cost';
import { VerificationStatus } from '../provider.types';
import { IdArgs } from '../../api/input-rules';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { RegisterProviderInput, UpdateProviderInput } from './provider.inputs';
import {
  ProviderListArgs,
  ProviderModel,
  ProviderPageModel,
  toProviderModel,
} from './provider.models';
import { ProviderService } from '../provider.service';
import { RegisterProviderResult, toRegisterProviderResult } from './provider.results';
import { allowedDecisions } from '../provider-verification';

/** No status allows more decisions than this. */
const STAFF_DECISION_COUNT = 2;

@Resolver(() => ProviderModel)
export class ProviderResolver {
  constructor(private readonly providerService: ProviderService) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => RegisterProviderResult, { description: "Register the caller's organisation; it waits for ministry verification." })
  async registerProvider(@Ctx() ctx: RequestContext, @Args('input') input: RegisterProviderInput): Promise<typeof RegisterProviderResult> {
    return toRegisterProviderResult(await this.providerService.register(ctx, input));
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => ProviderModel, {
    description:
      'Change your organisation’s details. A rejected organisation that changes them resubmits them: it is PENDING again. Once verified (APPROVED or SUSPENDED), the name and website are the ones the Ministry verified: changing them is refused (VERIFIED_DETAIL_LOCKED).',
  })
  async updateProvider(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProviderInput): Promise<ProviderModel> {
    return toProviderModel(await this.providerService.update(ctx, input));
  }

  @Roles(UserRole.PROVIDER)
  @Query(() => ProviderModel, { nullable: true, description: "The caller's organisation, if registered." })
  async myProvider(@Ctx() ctx: RequestContext): Promise<ProviderModel | null> {
    const provider = await this.providerService.findOwn(ctx);
    return provider && toProviderModel(provider);
  }

  @Roles(UserRole.PROVIDER, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => ProviderModel)
  async provider(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<ProviderModel> {
    return toProviderModel(await this.providerService.get(ctx, id));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => ProviderPageModel, { description: 'Providers by verification status, oldest first: the verification queue.' })
  async providers(
    @Ctx() ctx: RequestContext,
    @Args() args: ProviderListArgs,
  ): Promise<ProviderPageModel> {
    return mapPage(await this.providerService.list(ctx, args.filter, args), toProviderModel);
  }

  @ResolveField(() => Boolean, { description: 'Whether the account owning the organisation was erased at its owner’s request (GDPR Art. 17): staff decide nothing more on it.' })
  async ownerErased(@Context('loaders') loaders: Loaders, @Parent() provider: ProviderModel): Promise<boolean> {
    return loaders.ownerErased.load(provider.ownerUserId);
  }

  @ListSize(STAFF_DECISION_COUNT)
  @ResolveField(() => [VerificationStatus], {
    description: 'The decisions ministry staff may take now (none for a rejected organisation until it resubmits, none once its account was erased).',
  })
  async allowedDecisions(@Context('loaders') loaders: Loaders, @Parent() provider: ProviderModel): Promise<readonly VerificationStatus[]> {
    return (await loaders.ownerErased.load(provider.ownerUserId)) ? [] : allowedDecisions(provider.verificationStatus);
  }
}
