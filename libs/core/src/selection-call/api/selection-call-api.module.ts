import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { SelectionCallModule } from '../selection-call.module';
import { SelectionCallExceptionFilter } from './selection-call.errors';
import { CallApplicationResolver, SelectionCallResolver } from './selection-call.resolver';

@Module({
  imports: [SelectionCallModule],
  providers: [SelectionCallResolver, CallApplicationResolver, { provide: APP_FILTER, useClass: SelectionCallExceptionFilter }],
})
export class SelectionCallApiModule {}
