import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthApiModule } from '../../auth/api/auth-api.module';
import { PrivacyModule } from '../privacy.module';
import { PersonalDataExportController } from './personal-data-export.controller';
import { PrivacyExceptionFilter } from './privacy.errors';
import { PrivacyResolver } from './privacy.resolver';

@Module({
  imports: [PrivacyModule, AuthApiModule],
  controllers: [PersonalDataExportController],
  providers: [PrivacyResolver, { provide: APP_FILTER, useClass: PrivacyExceptionFilter }],
})
export class PrivacyApiModule {}
