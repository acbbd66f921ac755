import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottleExceptionFilter } from './throttle.exception';
import { ThrottleService } from './throttle.service';

/** Throttling shared by every API process through PostgreSQL (the `rate_limit` table). */
@Global()
@Module({
  providers: [ThrottleService, { provide: APP_FILTER, useClass: ThrottleExceptionFilter }],
  exports: [ThrottleService],
})
export class ThrottleModule {}
