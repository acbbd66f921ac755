import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MonitoringResolver } from './monitoring.resolver';
import { MonitoringExceptionFilter } from './monitoring.errors';
import { ExportController } from './export.controller';
import { OpenDataController } from './open-data.controller';
import { MonitoringModule } from '../monitoring.module';
import { AuditModule } from '../../audit/audit.module';

@Module({
  imports: [AuditModule, MonitoringModule],
  controllers: [ExportController, OpenDataController],
  providers: [MonitoringResolver, { provide: APP_FILTER, useClass: MonitoringExceptionFilter }],
})
export class MonitoringApiModule {}
