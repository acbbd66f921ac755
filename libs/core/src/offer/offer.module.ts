import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ProviderModule } from '../provider/provider.module';
import { TerritoryModule } from '../territory/territory.module';
import { OfferCatalogueService } from './offer-catalogue.service';
import { OfferRecords } from './offer-records.service';
import { OfferService } from './offer.service';
import { OfferImportRecords } from './offer-import.records';
import { OfferIntegrationService } from './offer-integration.service';

/**
 * Offers of free digital services: their content, coverage (national, regions, provinces, comuni,
 * radii), sectors, capacity and validity, and their status from draft to closed; the public
 * catalogue; what shops may see (offer-status.ts and its SQL twin offer-visibility.query.ts). Owns
 * `offer`, `offer_coverage` and `offer_integration`; other features go through OfferService, OfferCatalogueService and
 * OfferRecords (locks, candidates for matching, moderation). OfferImportRecords writes the
 * `offers` CSV import (its kind is api/import/offer-import.kind.ts). OfferIntegrationService owns
 * `offer_integration`: the other providers' offers an offer declares it works with.
 */
@Module({
  imports: [AuditModule, AuthModule, TerritoryModule, ProviderModule],
  providers: [OfferService, OfferCatalogueService, OfferRecords, OfferImportRecords, OfferIntegrationService],
  exports: [OfferService, OfferCatalogueService, OfferRecords, OfferImportRecords, OfferIntegrationService],
})
export class OfferModule {}
