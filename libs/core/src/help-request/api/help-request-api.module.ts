import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HelpRequestResolver } from './help-request.resolver';
import { HelpRequestExceptionFilter } from './help-request.errors';
import { HelpRequestModule } from '../help-request.module';
import { NeedsResolver } from './needs.resolver';

@Module({
  imports: [HelpRequestModule],
  providers: [HelpRequestResolver, NeedsResolver, { provide: APP_FILTER, useClass: HelpRequestExceptionFilter }],
})
export class HelpRequestApiModule {}
