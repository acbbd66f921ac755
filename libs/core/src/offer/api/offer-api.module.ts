import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { OfferResolver, ServiceCategoryResolver } from './offer.resolver';
import { OfferCatalogueResolver } from './offer-catalogue.resolver';
import { OfferExceptionFilter } from './offer.errors';
import { OfferModule } from '../offer.module';

@Module({
  imports: [OfferModule],
  providers: [OfferResolver, ServiceCategoryResolver, OfferCatalogueResolver, { provide: APP_FILTER, useClass: OfferExceptionFilter }],
})
export class OfferApiModule {}
