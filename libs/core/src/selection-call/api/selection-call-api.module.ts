import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { SelectionCallModule } from '../selection-call.module';
import { SelectionCallExceptionFilter } from './selection-call.errors';
import { CallPublisherResolver } from './call-publisher.resolver';
import { CallApplicationResolver, SelectionCallResolver } from './selection-call.resolver';

@Module({
  imports: [SelectionCallModule],
  providers: [SelectionCallResolver, CallApplicationResolver, CallPublisherResolver, { provide: APP_FILTER, useClass: SelectionCallExceptionFilter }],
})
export class SelectionCallApiModule {}
