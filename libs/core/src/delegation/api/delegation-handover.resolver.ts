import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../api/request-context';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { DelegationHandoverService } from '../delegation-handover.service';
import { AnswerDelegationHandoverInput, DelegationHandoverIdInput, OfferDelegationHandoverInput } from './delegation-handover.inputs';
import { DelegationHandoverListArgs, DelegationHandoverPageModel, toDelegationHandoverModel } from './delegation-handover.models';
import { DelegationHandoverResult, toDelegationHandoverResult } from './delegation-handover.results';

/** Handing shops registered on paper, not claimed yet, from one facilitator to another (thin: the rules are the service's). */
@Resolver()
export class DelegationHandoverResolver {
  constructor(private readonly handovers: DelegationHandoverService) {}

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationHandoverResult, {
    description:
      'Offer a shop you act for, registered on paper and not claimed yet, to another approved facilitator named by its e-mail; once it accepts it acts for the shop in your place, and the owner can still claim it with the same link.',
  })
  async offerDelegationHandover(@Ctx() ctx: RequestContext, @Args('input') input: OfferDelegationHandoverInput): Promise<typeof DelegationHandoverResult> {
    return toDelegationHandoverResult(await this.handovers.offer(ctx, input), 'input.delegationId');
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationHandoverResult, { description: 'Take back a handover you offered, while nobody has answered it (the other organisation is told).' })
  async withdrawDelegationHandover(@Ctx() ctx: RequestContext, @Args('input') input: DelegationHandoverIdInput): Promise<typeof DelegationHandoverResult> {
    return toDelegationHandoverResult(await this.handovers.withdraw(ctx, input.handoverId), 'input.handoverId');
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationHandoverResult, {
    description: 'Accept a shop offered to your organisation (you act for it from now on, the giver no longer), or decline it (nothing else changes); the giver is told.',
  })
  async answerDelegationHandover(@Ctx() ctx: RequestContext, @Args('input') input: AnswerDelegationHandoverInput): Promise<typeof DelegationHandoverResult> {
    return toDelegationHandoverResult(await this.handovers.answer(ctx, input.handoverId, input.accept), 'input.handoverId');
  }

  @Roles(UserRole.FACILITATOR)
  @Query(() => DelegationHandoverPageModel, { description: 'Handovers waiting for an answer: shops offered to your organisation (INCOMING) or by it (OUTGOING), newest first.' })
  async delegationHandovers(@Ctx() ctx: RequestContext, @Args() args: DelegationHandoverListArgs): Promise<DelegationHandoverPageModel> {
    return mapPage(await this.handovers.pending(ctx, args.direction, args), toDelegationHandoverModel);
  }
}
