import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { Ctx } from '../../api/request-context';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { CallPublisherService } from '../call-publisher.service';
import {
  CallOrganisationModel,
  CallPublisherListArgs,
  CallPublisherModel,
  CallPublisherPageModel,
  GrantCallPublisherInput,
  GrantCallPublisherResult,
  RevokeCallPublisherInput,
  RevokeCallPublisherResult,
  toCallOrganisationModel,
  toCallPublisherModel,
  toGrantResult,
  toRevokeResult,
} from './call-publisher.api';

/** The ministry's authorisations for organisations to run calls (thin: the rules are CallPublisherService's). */
@Resolver(() => CallPublisherModel)
export class CallPublisherResolver {
  constructor(private readonly publishers: CallPublisherService) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => GrantCallPublisherResult, { description: 'Authorise a verified organisation to create, publish and close calls of its own and exclude their applicants.' })
  async grantCallPublisher(@Ctx() ctx: RequestContext, @Args('input') input: GrantCallPublisherInput): Promise<typeof GrantCallPublisherResult> {
    return toGrantResult(await this.publishers.grant(ctx, input.facilitatorId));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => RevokeCallPublisherResult, {
    description: 'Revoke an organisation’s authorisation, with the reason: it creates, publishes, closes and excludes no more; its open calls run to their closing under staff’s oversight.',
  })
  async revokeCallPublisher(@Ctx() ctx: RequestContext, @Args('input') input: RevokeCallPublisherInput): Promise<typeof RevokeCallPublisherResult> {
    return toRevokeResult(await this.publishers.revoke(ctx, input.facilitatorId, input.reason));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => CallPublisherPageModel, { description: 'Authorisations to run calls, newest first (staff).' })
  async callPublishers(@Ctx() ctx: RequestContext, @Args() args: CallPublisherListArgs): Promise<CallPublisherPageModel> {
    return mapPage(await this.publishers.list(ctx, args.filter, args), toCallPublisherModel);
  }

  @Roles(UserRole.FACILITATOR)
  @Query(() => CallPublisherModel, { nullable: true, description: 'Your organisation’s authorisation to run calls, when one is in force.' })
  async myCallPublisher(@Ctx() ctx: RequestContext): Promise<CallPublisherModel | null> {
    const grant = await this.publishers.findOwnInForce(ctx);
    return grant && toCallPublisherModel(grant);
  }

  @ResolveField(() => CallOrganisationModel, { description: 'The organisation authorised.' })
  async organisation(@Context('loaders') loaders: Loaders, @Parent() grant: CallPublisherModel): Promise<CallOrganisationModel> {
    const organisation = await loaders.facilitator.load(grant.organisationId);
    if (!organisation) throw new Error(`organisation of grant ${grant.id} is missing`);
    return toCallOrganisationModel(organisation);
  }
}
