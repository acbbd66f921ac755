import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { BundlesMonitoringService } from './bundles-monitoring.service';
import { CallsMonitoringService } from './calls-monitoring.service';
import { CapacityService } from './capacity.service';
import { IntermediariesService } from './intermediaries.service';
import { MonitoringService } from './monitoring.service';
import { OpenDataService } from './open-data.service';
import { UnmetDemandService } from './unmet-demand.service';

/** Ministry monitoring: figures, gaps, capacity, uptake by intermediary, bundles, selection calls, exports; and the public open data. */
@Module({
  imports: [TerritoryModule],
  providers: [BundlesMonitoringService, CallsMonitoringService, MonitoringService, UnmetDemandService, CapacityService, OpenDataService, IntermediariesService],
  exports: [BundlesMonitoringService, CallsMonitoringService, MonitoringService, UnmetDemandService, CapacityService, OpenDataService, IntermediariesService],
})
export class MonitoringModule {}
