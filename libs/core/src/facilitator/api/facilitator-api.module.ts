import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FacilitatorModule } from '../facilitator.module';
import { FacilitatorExceptionFilter } from './facilitator.errors';
import { FacilitatorResolver, FacilitatorTerritoryResolver } from './facilitator.resolver';

@Module({
  imports: [FacilitatorModule],
  providers: [FacilitatorResolver, FacilitatorTerritoryResolver, { provide: APP_FILTER, useClass: FacilitatorExceptionFilter }],
})
export class FacilitatorApiModule {}
