import { Args, createUnionType, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { OFFER_STATUS_WORDS, statusWords, VERIFICATION_STATUS_WORDS } from '../../common/status-words';
import { InvalidOfferTransitionErrorModel, OfferModel, toOfferModel } from '../../offer/api/offer.models';
import { VerifyProviderInput } from '../../provider/api/provider.inputs';
import { InvalidVerificationTransitionErrorModel, ProviderModel, toProviderModel } from '../../provider/api/provider.models';
import { DECISION_HINTS } from '../../provider/provider-verification';
import { ReinstateOfferInput, SuspendOfferInput } from './moderation.inputs';
import { ModerateOfferOutcome, ModerationService } from '../moderation.service';

export const VerifyProviderResult = createUnionType({
  name: 'VerifyProviderResult',
  types: () => [ProviderModel, InvalidVerificationTransitionErrorModel] as const,
  resolveType: (value: { code?: string }) => (value.code === 'INVALID_TRANSITION' ? InvalidVerificationTransitionErrorModel : ProviderModel),
});

export const ModerateOfferResult = createUnionType({
  name: 'ModerateOfferResult',
  types: () => [OfferModel, InvalidOfferTransitionErrorModel] as const,
  resolveType: (value: { code?: string }) => (value.code === 'INVALID_TRANSITION' ? InvalidOfferTransitionErrorModel : OfferModel),
});

function toModerateResult(outcome: ModerateOfferOutcome, verb: { en: string; it: string }): typeof ModerateOfferResult {
  if (outcome.kind === 'offer') return toOfferModel(outcome.offer);
  const status = statusWords(OFFER_STATUS_WORDS, outcome.current);
  return {
    code: 'INVALID_TRANSITION',
    field: 'input.offerId',
    currentStatus: outcome.current,
    message: `The offer is ${status.en}: it cannot be ${verb.en}`,
    messageIt: `L’offerta è ${status.it}: non può essere ${verb.it}`,
  };
}

/** Ministry staff's decisions on providers and offers (thin: the rules are the service's). */
@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => VerifyProviderResult, {
    description: 'Approve, reject or suspend a provider (ministry staff). Suspending releases its held places and tells the shops concerned.',
  })
  async verifyProvider(@Ctx() ctx: RequestContext, @Args('input') input: VerifyProviderInput): Promise<typeof VerifyProviderResult> {
    const outcome = await this.moderation.verifyProvider(ctx, input);
    if (outcome.kind === 'provider') return toProviderModel(outcome.provider);
    const current = statusWords(VERIFICATION_STATUS_WORDS, outcome.current);
    const wanted = statusWords(VERIFICATION_STATUS_WORDS, input.decision);
    return {
      code: 'INVALID_TRANSITION',
      field: 'input.decision',
      currentStatus: outcome.current,
      message: `The organisation is ${current.en}: it cannot become ${wanted.en}${DECISION_HINTS[outcome.current]?.en ?? ''}`,
      messageIt: `L’organizzazione è ${current.it}: non può diventare ${wanted.it}${DECISION_HINTS[outcome.current]?.it ?? ''}`,
    };
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => ModerateOfferResult, {
    description: 'Suspend a published or paused offer, with a reason its provider reads: shops no longer see it, held places are released.',
  })
  async suspendOffer(@Ctx() ctx: RequestContext, @Args('input') input: SuspendOfferInput): Promise<typeof ModerateOfferResult> {
    return toModerateResult(await this.moderation.suspendOffer(ctx, input), { en: 'suspended', it: 'sospesa' });
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Mutation(() => ModerateOfferResult, { description: 'Lift the suspension of an offer: it becomes PAUSED, for its provider to resume.' })
  async reinstateOffer(@Ctx() ctx: RequestContext, @Args('input') input: ReinstateOfferInput): Promise<typeof ModerateOfferResult> {
    return toModerateResult(await this.moderation.reinstateOffer(ctx, input), { en: 'reinstated', it: 'riattivata' });
  }
}
