import { Module } from '@nestjs/common';
import { OfferModule } from '../offer/offer.module';
import { MatchingData } from './matching-data';
import { MatchingResolver } from './api/matching.resolver';
import { RecommendationService } from './recommendation.service';

/** The adapter of the pure engine: online recommendations and eligibility explanations. */
@Module({
  imports: [OfferModule],
  providers: [MatchingData, RecommendationService, MatchingResolver],
  exports: [MatchingData],
})
export class MatchingModule {}
