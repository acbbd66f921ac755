import { Global, Module } from '@nestjs/common';
import { ThrottleService } from './throttle.service';

/** Throttling shared by every API process through PostgreSQL (the `rate_limit` table). */
@Global()
@Module({
  providers: [ThrottleService],
  exports: [ThrottleService],
})
export class ThrottleModule {}
