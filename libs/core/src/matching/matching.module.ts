import { Module } from '@nestjs/common';
import { HelpRequestRecordsModule } from '../help-request/help-request-records.module';
import { OfferModule } from '../offer/offer.module';
import { TerritoryModule } from '../territory/territory.module';
import { MatchingData } from './matching-data';
import { RecommendationService } from './recommendation.service';

/** The adapter of the pure engine: online recommendations and eligibility explanations. */
@Module({
  imports: [HelpRequestRecordsModule, OfferModule, TerritoryModule],
  providers: [MatchingData, RecommendationService],
  exports: [MatchingData, RecommendationService],
})
export class MatchingModule {}
