import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AllocationResolver, AllocationRunItemResolver } from './allocation.resolver';
import { AllocationExceptionFilter } from './allocation.errors';
import { AllocationModule } from '../allocation.module';

@Module({
  imports: [AllocationModule],
  providers: [AllocationResolver, AllocationRunItemResolver, { provide: APP_FILTER, useClass: AllocationExceptionFilter }],
})
export class AllocationApiModule {}
