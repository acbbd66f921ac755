import { Module } from '@nestjs/common';
import { OfferModule } from '../offer/offer.module';
import { MatchingData } from './matching-data';
import { RecommendationService } from './recommendation.service';

/** The adapter of the pure engine: online recommendations and eligibility explanations. */
@Module({
  imports: [OfferModule],
  providers: [MatchingData, RecommendationService],
  exports: [MatchingData, RecommendationService],
})
export class MatchingModule {}
