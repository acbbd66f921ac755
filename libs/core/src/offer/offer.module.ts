import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProviderModule } from '../provider/provider.module';
import { TerritoryModule } from '../territory/territory.module';
import { OfferCatalogueService } from './offer-catalogue.service';
import { OfferRecords } from './offer-records.service';
import { OfferService } from './offer.service';

@Module({
  imports: [AuditModule, TerritoryModule, ProviderModule],
  providers: [OfferService, OfferCatalogueService, OfferRecords],
  exports: [OfferService, OfferCatalogueService, OfferRecords],
})
export class OfferModule {}
