import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DelegationModule } from '../delegation.module';
import { DelegationExceptionFilter } from './delegation.errors';
import { DelegationResolver } from './delegation.resolver';

@Module({
  imports: [DelegationModule],
  providers: [DelegationResolver, { provide: APP_FILTER, useClass: DelegationExceptionFilter }],
})
export class DelegationApiModule {}
