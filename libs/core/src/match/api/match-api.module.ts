import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MatchResolver, MatchShopResolver } from './match.resolver';
import { MatchExceptionFilter } from './match.errors';
import { MatchModule } from '../match.module';
import { BundleSetsResolver, MatchSetResolver } from './match-set.resolver';

@Module({
  imports: [MatchModule],
  providers: [MatchResolver, MatchShopResolver, MatchSetResolver, BundleSetsResolver, { provide: APP_FILTER, useClass: MatchExceptionFilter }],
})
export class MatchApiModule {}
