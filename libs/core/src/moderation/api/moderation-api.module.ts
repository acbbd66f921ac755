import { Module } from '@nestjs/common';
import { ModerationResolver } from './moderation.resolver';
import { ModerationModule } from '../moderation.module';

@Module({
  imports: [ModerationModule],
  providers: [ModerationResolver],
})
export class ModerationApiModule {}
