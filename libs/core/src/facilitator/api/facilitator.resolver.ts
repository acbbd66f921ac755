import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { ComuneModel, toComuneModel } from '../../territory/api/territory.models';
import { IdArgs } from '../../api/input-rules';
import { ListSize } from '../../api/query-cost';
import { Ctx } from '../../api/request-context';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { allowedDecisions } from '../../provider/provider-verification';
import { VerificationStatus } from '../../provider/provider.types';
import { FacilitatorService } from '../facilitator.service';
import { RegisterFacilitatorInput, UpdateFacilitatorInput } from './facilitator.inputs';
import { FacilitatorListArgs, FacilitatorModel, FacilitatorPageModel, FacilitatorTerritoryModel, toFacilitatorModel } from './facilitator.models';
import { RegisterFacilitatorResult, toRegisterFacilitatorResult } from './facilitator.results';

/** No status allows more decisions than this. */
const STAFF_DECISION_COUNT = 2;

/** Facilitator organisations (thin: the rules are the service's). */
@Resolver(() => FacilitatorModel)
export class FacilitatorResolver {
  constructor(private readonly service: FacilitatorService) {}

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => RegisterFacilitatorResult, { description: "Register the caller's organisation; it waits for ministry verification." })
  async registerFacilitator(@Ctx() ctx: RequestContext, @Args('input') input: RegisterFacilitatorInput): Promise<typeof RegisterFacilitatorResult> {
    return toRegisterFacilitatorResult(await this.service.register(ctx, input));
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => FacilitatorModel, { description: 'Change your organisation’s details. A rejected organisation that changes them resubmits them: it is PENDING again.' })
  async updateFacilitator(@Ctx() ctx: RequestContext, @Args('input') input: UpdateFacilitatorInput): Promise<FacilitatorModel> {
    return toFacilitatorModel(await this.service.update(ctx, input));
  }

  @Roles(UserRole.FACILITATOR)
  @Query(() => FacilitatorModel, { nullable: true, description: "The caller's organisation, if registered." })
  async myFacilitator(@Ctx() ctx: RequestContext): Promise<FacilitatorModel | null> {
    const facilitator = await this.service.findOwn(ctx);
    return facilitator && toFacilitatorModel(facilitator);
  }

  @Roles(UserRole.FACILITATOR, UserRole.SHOP, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => FacilitatorModel, { description: 'One organisation: its own account and staff; shops see approved ones.' })
  async facilitator(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<FacilitatorModel> {
    return toFacilitatorModel(await this.service.get(ctx, id));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN, UserRole.SHOP)
  @Query(() => FacilitatorPageModel, {
    description: 'Staff: organisations by verification status, oldest first (the verification queue). Shops: approved ones by name, to choose one; `comuneCode` keeps those serving it.',
  })
  async facilitators(@Ctx() ctx: RequestContext, @Args() args: FacilitatorListArgs): Promise<FacilitatorPageModel> {
    return mapPage(await this.service.list(ctx, args.filter, args), toFacilitatorModel);
  }

  @ResolveField(() => Boolean, { description: 'Whether the account owning the organisation was erased at its owner’s request (GDPR Art. 17): staff decide nothing more on it.' })
  async ownerErased(@Context('loaders') loaders: Loaders, @Parent() facilitator: FacilitatorModel): Promise<boolean> {
    return loaders.ownerErased.load(facilitator.ownerUserId);
  }

  @ListSize(STAFF_DECISION_COUNT)
  @ResolveField(() => [VerificationStatus], {
    description: 'The decisions ministry staff may take now (none for a rejected organisation until it resubmits, none once its account was erased).',
  })
  async allowedDecisions(@Context('loaders') loaders: Loaders, @Parent() facilitator: FacilitatorModel): Promise<readonly VerificationStatus[]> {
    return (await loaders.ownerErased.load(facilitator.ownerUserId)) ? [] : allowedDecisions(facilitator.verificationStatus);
  }
}

/** The comuni of a territory by name, batched with every other comune of the request. */
@Resolver(() => FacilitatorTerritoryModel)
export class FacilitatorTerritoryResolver {
  // As many as a territory may hold (FacilitatorTerritoryInput's comuneCodes).
  @ListSize(100)
  @ResolveField(() => [ComuneModel], { description: 'The comuni in `comuneCodes`, with their names.' })
  async comuni(@Context('loaders') loaders: Loaders, @Parent() territory: FacilitatorTerritoryModel): Promise<ComuneModel[]> {
    const comuni = await loaders.comune.loadMany(territory.comuneCodes);
    return comuni.flatMap((comune) => (comune && !(comune instanceof Error) ? [toComuneModel(comune)] : []));
  }
}
