import { Module } from '@nestjs/common';
import { HelpRequestRecordsModule } from '../help-request/help-request-records.module';
import { OfferModule } from '../offer/offer.module';
import { ShopModule } from '../shop/shop.module';
import { TerritoryModule } from '../territory/territory.module';
import { MatchingData } from './matching-data';
import { RecommendationService } from './recommendation.service';
import { BundleRecommendationService } from './bundle-recommendation.service';

/**
 * The adapter of the pure engine (libs/matching) for online use: candidate offers narrowed in SQL,
 * then ranked and explained by the engine; recommendations list refused offers apart; set
 * recommendations for bundles (BundleRecommendationService). Owns no table.
 */
@Module({
  imports: [HelpRequestRecordsModule, OfferModule, ShopModule, TerritoryModule],
  providers: [MatchingData, RecommendationService, BundleRecommendationService],
  exports: [MatchingData, RecommendationService, BundleRecommendationService],
})
export class MatchingModule {}
