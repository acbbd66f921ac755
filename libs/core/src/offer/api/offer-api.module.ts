import { AuthModule } from '../../auth/auth.module';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { OfferResolver, ServiceCategoryResolver } from './offer.resolver';
import { OfferCatalogueResolver } from './offer-catalogue.resolver';
import { OfferExceptionFilter } from './offer.errors';
import { OfferModule } from '../offer.module';
import { ProviderModule } from '../../provider/provider.module';
import { TerritoryModule } from '../../territory/territory.module';
import { OfferImportKind } from './import/offer-import.kind';
import { OfferIntegrationResolver } from './offer-integration.resolver';

@Module({
  imports: [AuthModule, OfferModule, TerritoryModule, ProviderModule],
  providers: [OfferResolver, OfferIntegrationResolver, ServiceCategoryResolver, OfferCatalogueResolver, OfferImportKind, { provide: APP_FILTER, useClass: OfferExceptionFilter }],
  exports: [OfferImportKind],
})
export class OfferApiModule {}
