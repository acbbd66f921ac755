import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProviderModule } from '../provider/provider.module';
import { TerritoryModule } from '../territory/territory.module';
import { OfferCatalogueService } from './offer-catalogue.service';
import { OfferRecords } from './offer-records.service';
import { OfferService } from './offer.service';

/**
 * Offers of free digital services: their content, coverage (national, regions, provinces, comuni,
 * radii), sectors, capacity and validity, and their status from draft to closed; the public
 * catalogue; what shops may see (offer-status.ts and its SQL twin offer-visibility.query.ts). Owns
 * `offer` and `offer_coverage`; other features go through OfferService, OfferCatalogueService and
 * OfferRecords (locks, candidates for matching, moderation).
 */
@Module({
  imports: [AuditModule, TerritoryModule, ProviderModule],
  providers: [OfferService, OfferCatalogueService, OfferRecords],
  exports: [OfferService, OfferCatalogueService, OfferRecords],
})
export class OfferModule {}
