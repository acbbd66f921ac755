import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottleExceptionFilter } from './throttle.errors';
import { ThrottleModule } from '../throttle.module';

@Module({
  imports: [ThrottleModule],
  providers: [{ provide: APP_FILTER, useClass: ThrottleExceptionFilter }],
})
export class ThrottleApiModule {}
