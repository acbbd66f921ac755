import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { MatchState } from '../../match/match.types';
import { toOfferModel } from '../../offer/api/offer.models';
import {
  OfferEligibilityArgs,
  OfferEligibilityModel,
  OfferRecommendationsModel,
  RecommendationArgs,
  toExplanations,
  toRankedOfferModel,
} from './recommendation.models';
import { RecommendationService } from '../recommendation.service';

@Resolver()
export class MatchingResolver {
  constructor(private readonly recommendations: RecommendationService) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => OfferRecommendationsModel, { description: 'The offers that fit a help request, ranked with the reasons, and those it could wait for.' })
  async offerRecommendations(@Ctx() ctx: RequestContext, @Args() args: RecommendationArgs): Promise<OfferRecommendationsModel> {
    const result = await this.recommendations.recommend(ctx, args.helpRequestId, args.first);
    return {
      helpRequestId: result.helpRequestId,
      shopLimits: result.shopLimits,
      eligible: result.eligible.map((c) => toRankedOfferModel(c.ranked, c.offer)),
      waitlist: result.waitlist.map((c) => toRankedOfferModel(c.ranked, c.offer)),
      notEligible: result.notEligible.map((c) => ({ offer: toOfferModel(c.offer), reasons: toExplanations(c.failed) })),
      refused: result.refused.map((c) => ({
        ranked: toRankedOfferModel(c.ranked, c.offer),
        waitlistOnly: c.waitlistOnly,
        endedAs: c.refusal.how === 'DECLINED' ? MatchState.DECLINED : MatchState.WITHDRAWN,
        endedAt: c.refusal.at,
      })),
      candidateCount: result.candidateCount,
    };
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => OfferEligibilityModel, { description: 'Why one offer does or does not fit a help request: every failed rule by name.' })
  async offerEligibility(@Ctx() ctx: RequestContext, @Args() args: OfferEligibilityArgs): Promise<OfferEligibilityModel> {
    const result = await this.recommendations.eligibilityOf(ctx, args.helpRequestId, args.offerId);
    return {
      helpRequestId: result.helpRequestId,
      offerId: result.offer.id,
      eligible: result.failed.length === 0,
      waitlistOnly: result.failed.length === 1 && result.failed[0] === 'FULL',
      reasons: toExplanations(result.failed),
      ranking: result.ranking ? toRankedOfferModel(result.ranking.ranked, result.ranking.offer) : null,
    };
  }
}
