import { Module } from '@nestjs/common';
import { MatchingResolver } from './matching.resolver';
import { MatchingModule } from '../matching.module';

@Module({
  imports: [MatchingModule],
  providers: [MatchingResolver],
})
export class MatchingApiModule {}
