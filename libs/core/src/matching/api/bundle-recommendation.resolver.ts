import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { BundleRecommendationService } from '../bundle-recommendation.service';
import { BundleRecommendationArgs, BundleRecommendationsModel, toBundleRecommendationsModel } from './bundle-recommendation.models';

@Resolver()
export class BundleRecommendationResolver {
  constructor(private readonly sets: BundleRecommendationService) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => BundleRecommendationsModel, {
    description: 'Sets of offers for a bundle: one offer per open service, preferring offers that work together, then fewer providers, then the scores; what is missing and why when no set is complete.',
  })
  async bundleRecommendations(@Ctx() ctx: RequestContext, @Args() args: BundleRecommendationArgs): Promise<BundleRecommendationsModel> {
    return toBundleRecommendationsModel(await this.sets.recommend(ctx, args.bundleId));
  }
}
