import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { VerifyProviderInput } from '../../provider/api/provider.inputs';
import { VerifyFacilitatorInput } from '../../facilitator/api/facilitator.inputs';
import { toVerifyFacilitatorResult, VerifyFacilitatorResult } from '../../facilitator/api/facilitator.results';
import { ReinstateOfferInput, SuspendOfferInput } from './moderation.inputs';
import { ModerationService } from '../moderation.service';
import { ModerateOfferResult, toModerateOfferResult, toVerifyProviderResult, VerifyProviderResult } from './moderation.results';

/** Ministry staff's decisions on providers and offers (thin: the rules are the service's). */
@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => VerifyProviderResult, {
    description: 'Approve, reject or suspend a provider (ministry staff). Suspending releases its held places and tells the shops concerned.',
  })
  async verifyProvider(@Ctx() ctx: RequestContext, @Args('input') input: VerifyProviderInput): Promise<typeof VerifyProviderResult> {
    return toVerifyProviderResult(await this.moderation.verifyProvider(ctx, input), input.decision);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => VerifyFacilitatorResult, {
    description: 'Approve, reject or suspend a facilitator organisation (ministry staff). Only an approved one acts for shops.',
  })
  async verifyFacilitator(@Ctx() ctx: RequestContext, @Args('input') input: VerifyFacilitatorInput): Promise<typeof VerifyFacilitatorResult> {
    return toVerifyFacilitatorResult(await this.moderation.verifyFacilitator(ctx, input), input.decision);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => ModerateOfferResult, {
    description: 'Suspend a published or paused offer, with a reason its provider reads: shops no longer see it, held places are released.',
  })
  async suspendOffer(@Ctx() ctx: RequestContext, @Args('input') input: SuspendOfferInput): Promise<typeof ModerateOfferResult> {
    return toModerateOfferResult(await this.moderation.suspendOffer(ctx, input), 'suspend');
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => ModerateOfferResult, { description: 'Lift the suspension of an offer: it becomes PAUSED, for its provider to resume.' })
  async reinstateOffer(@Ctx() ctx: RequestContext, @Args('input') input: ReinstateOfferInput): Promise<typeof ModerateOfferResult> {
    return toModerateOfferResult(await this.moderation.reinstateOffer(ctx, input), 'reinstate');
  }
}
