import { Module } from '@nestjs/common';
import { AllocationModule } from '../allocation/allocation.module';
import { MailModule } from '../mail/mail.module';
import { MatchModule } from '../match/match.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SelectionCallModule } from '../selection-call/selection-call.module';
import { JobConsumers } from './job-consumers';

/** Job consumers: imported by apps/worker, and by the API when RUN_WORKER is set. */
@Module({
  imports: [MatchModule, AllocationModule, MonitoringModule, MailModule, PrivacyModule, SelectionCallModule],
  providers: [JobConsumers],
})
export class WorkerModule {}
