import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerritoryModule } from '../../territory/territory.module';
import { SelectionCallModule } from '../selection-call.module';
import { SelectionCallExceptionFilter } from './selection-call.errors';
import { CallEligibilityResolver } from './call-eligibility.resolver';
import { CallPublisherResolver } from './call-publisher.resolver';
import { CallApplicationResolver, SelectionCallResolver } from './selection-call.resolver';

@Module({
  imports: [SelectionCallModule, TerritoryModule],
  providers: [SelectionCallResolver, CallApplicationResolver, CallEligibilityResolver, CallPublisherResolver, { provide: APP_FILTER, useClass: SelectionCallExceptionFilter }],
})
export class SelectionCallApiModule {}
