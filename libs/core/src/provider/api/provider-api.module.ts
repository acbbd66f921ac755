import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProviderResolver } from './provider.resolver';
import { ProviderExceptionFilter } from './provider.errors';
import { ProviderModule } from '../provider.module';

@Module({
  imports: [ProviderModule],
  providers: [ProviderResolver, { provide: APP_FILTER, useClass: ProviderExceptionFilter }],
})
export class ProviderApiModule {}
