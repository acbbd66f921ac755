import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { ProviderModule } from '../provider/provider.module';
import { TerritoryModule } from '../territory/territory.module';
import { OfferCatalogueResolver } from './api/offer-catalogue.resolver';
import { OfferCatalogueService } from './offer-catalogue.service';
import { OfferExceptionFilter } from './offer.exception';
import { OfferResolver, ServiceCategoryResolver } from './api/offer.resolver';
import { OfferService } from './offer.service';

@Module({
  imports: [AuditModule, TerritoryModule, ProviderModule],
  providers: [OfferService, OfferResolver, ServiceCategoryResolver, OfferCatalogueService, OfferCatalogueResolver, { provide: APP_FILTER, useClass: OfferExceptionFilter }],
  exports: [OfferService],
})
export class OfferModule {}
