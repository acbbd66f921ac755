import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HelpRequestResolver } from './help-request.resolver';
import { HelpRequestExceptionFilter } from './help-request.errors';
import { HelpRequestModule } from '../help-request.module';
import { NeedsResolver } from './needs.resolver';
import { HelpRequestBundleResolver } from './help-request-bundle.resolver';
import { HelpRequestRecordsModule } from '../help-request-records.module';

@Module({
  imports: [HelpRequestModule, HelpRequestRecordsModule],
  providers: [HelpRequestResolver, NeedsResolver, HelpRequestBundleResolver, { provide: APP_FILTER, useClass: HelpRequestExceptionFilter }],
})
export class HelpRequestApiModule {}
