import { Module } from '@nestjs/common';
import { MatchingResolver } from './matching.resolver';
import { BundleRecommendationResolver } from './bundle-recommendation.resolver';
import { MatchingModule } from '../matching.module';

@Module({
  imports: [MatchingModule],
  providers: [MatchingResolver, BundleRecommendationResolver],
})
export class MatchingApiModule {}
