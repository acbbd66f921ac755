import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { CallsMonitoringService } from './calls-monitoring.service';
import { CapacityService } from './capacity.service';
import { IntermediariesService } from './intermediaries.service';
import { MonitoringService } from './monitoring.service';
import { OpenDataService } from './open-data.service';
import { UnmetDemandService } from './unmet-demand.service';

/** Ministry monitoring: figures, gaps, capacity, uptake by intermediary, selection calls, exports; and the public open data. */
@Module({
  imports: [TerritoryModule],
  providers: [CallsMonitoringService, MonitoringService, UnmetDemandService, CapacityService, OpenDataService, IntermediariesService],
  exports: [CallsMonitoringService, MonitoringService, UnmetDemandService, CapacityService, OpenDataService, IntermediariesService],
})
export class MonitoringModule {}
