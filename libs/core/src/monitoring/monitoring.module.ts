import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerritoryModule } from '../territory/territory.module';
import { CapacityService } from './capacity.service';
import { ExportController } from './api/export.controller';
import { OpenDataController } from './api/open-data.controller';
import { MonitoringExceptionFilter } from './monitoring.exception';
import { MonitoringResolver } from './api/monitoring.resolver';
import { MonitoringService } from './monitoring.service';
import { OpenDataService } from './open-data.service';
import { UnmetDemandService } from './unmet-demand.service';

/** Ministry monitoring: figures, gaps, capacity, exports; and the public open data. */
@Module({
  imports: [TerritoryModule],
  controllers: [ExportController, OpenDataController],
  providers: [MonitoringService, UnmetDemandService, CapacityService, OpenDataService, MonitoringResolver, { provide: APP_FILTER, useClass: MonitoringExceptionFilter }],
  exports: [MonitoringService, UnmetDemandService, CapacityService, OpenDataService],
})
export class MonitoringModule {}
