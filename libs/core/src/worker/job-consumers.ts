import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AllocationExecutor } from '../allocation/allocation-executor.service';
import { AllocationRunService } from '../allocation/allocation-run.service';
import { RequestContext } from '../common/request-context';
import { ALLOCATION_SCHEDULE_OFF } from '../config/environment';
import { JobQueue } from '../jobs/job-queue';
import { JOB } from '../jobs/job-names';
import { MailDeliveryService } from '../mail/mail-delivery.service';
import { DAILY_DIGEST_CRON, MailDigestService } from '../mail/mail-digest.service';
import { MatchMaintenanceService } from '../match/match-maintenance.service';
import { MatchReminderService } from '../match/match-reminders.service';
import { SNAPSHOT_REFRESH_CRON } from '../monitoring/monitoring-snapshot';
import { OpenDataService } from '../monitoring/open-data.service';
import { UnmetDemandService } from '../monitoring/unmet-demand.service';
import { AllocationRunStatus } from '../allocation/allocation.types';
import { RetentionService } from '../privacy/retention.service';
import { CallClosingService } from '../selection-call/call-closing.service';

/** Recurring jobs (5-field cron, UTC). pg-boss fires each once per minute slot across all workers. */
export const SCHEDULES: readonly { job: (typeof JOB)[keyof typeof JOB]; cron: string }[] = [
  { job: JOB.EXPIRE_HOLDS, cron: '* * * * *' },
  { job: JOB.SWEEP_CALLS, cron: '* * * * *' },
  { job: JOB.COMPLETE_ENDED, cron: '*/5 * * * *' },
  { job: JOB.SWEEP_WAITLISTS, cron: '*/5 * * * *' },
  { job: JOB.REMIND_RESPONSES, cron: '*/10 * * * *' },
  { job: JOB.REMIND_SURVEYS, cron: '17 * * * *' },
  { job: JOB.FAIL_STALE_RUNS, cron: '*/10 * * * *' },
  { job: JOB.REFRESH_MONITORING_SNAPSHOTS, cron: SNAPSHOT_REFRESH_CRON },
  { job: JOB.PURGE_EXPIRED_PERSONAL_DATA, cron: '23 3 * * *' },
  { job: JOB.SEND_DIGESTS, cron: DAILY_DIGEST_CRON },
];

/**
 * The worker: one handler per queue, each calling a core service with a system context whose
 * `now` is the moment the job runs. Handlers are idempotent, so a retried job does no harm.
 */
@Injectable()
export class JobConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly jobs: JobQueue,
    private readonly maintenance: MatchMaintenanceService,
    private readonly executor: AllocationExecutor,
    private readonly runs: AllocationRunService,
    private readonly unmet: UnmetDemandService,
    private readonly openData: OpenDataService,
    private readonly config: ConfigService,
    private readonly mail: MailDeliveryService,
    private readonly retention: RetentionService,
    private readonly reminders: MatchReminderService,
    private readonly digests: MailDigestService,
    private readonly calls: CallClosingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const system = (): RequestContext => RequestContext.system();
    await this.jobs.work(JOB.EXPIRE_HOLDS, async () => this.report('expired', await this.maintenance.expireHolds(system())));
    await this.jobs.work(JOB.COMPLETE_ENDED, async () => this.report('completed', await this.maintenance.completeEnded(system())));
    await this.jobs.work(JOB.PROMOTE_WAITLIST, async ({ offerId }) => this.report(`promoted on offer ${offerId}`, await this.maintenance.promoteWaitlist(system(), offerId)));
    await this.jobs.work(JOB.SWEEP_WAITLISTS, async () => this.report('promoted by the sweep', await this.maintenance.sweepWaitlists(system())));
    await this.jobs.work(JOB.REMIND_RESPONSES, async () => this.report('answer reminders', await this.reminders.remindResponses(system())));
    await this.jobs.work(JOB.REMIND_SURVEYS, async () => this.report('survey reminders', await this.reminders.remindSurveys(system())));
    await this.jobs.work(JOB.FAIL_STALE_RUNS, async () => this.report('stale allocation runs failed', await this.executor.failStale(system())));
    await this.jobs.work(JOB.RUN_ALLOCATION, async ({ runId }) => {
      const run = await this.executor.execute(system(), runId);
      if (run) this.logger.log(`allocation run ${runId}: ${run.status}, served ${run.statistics?.served ?? 0} of ${run.statistics?.requests ?? 0}`);
      // A committed run matched many requests at once: the snapshots follow at once.
      if (run?.status === AllocationRunStatus.COMMITTED) {
        await this.jobs.send(system(), JOB.REFRESH_MONITORING_SNAPSHOTS, {}, { singletonKey: 'after-allocation' });
      }
    });
    await this.jobs.work(JOB.REFRESH_MONITORING_SNAPSHOTS, async () => {
      const ctx = system();
      await this.unmet.refresh(ctx);
      await this.openData.refresh(ctx);
      this.logger.log(`monitoring snapshots computed as of ${ctx.now.toISOString()}`);
    });
    await this.jobs.work(JOB.SEND_MAIL, async ({ mailId }) => {
      await this.mail.deliver(system(), mailId);
    });
    await this.jobs.work(JOB.PURGE_EXPIRED_PERSONAL_DATA, async () => {
      const { lines } = await this.retention.purge(system());
      this.report('personal data past its retention period purged or pseudonymised', lines.reduce((total, line) => total + line.rows, 0));
    });
    await this.jobs.work(JOB.SEND_DIGESTS, async () => this.report('daily digests', await this.digests.sendDigests(system())));
    await this.jobs.work(JOB.SWEEP_CALLS, async () => this.report('selection calls closed or refilled', await this.calls.sweep(system())));
    // Whichever process takes a scheduled run, it runs as the process that stored the schedule said.
    await this.jobs.work(JOB.SCHEDULED_ALLOCATION, async (data) => {
      await this.runs.startScheduled(system(), { completeSetsOnly: data.completeSetsOnly ?? this.config.get<boolean>('ALLOCATION_SCHEDULE_COMPLETE_SETS') ?? false });
    });
    for (const { job, cron } of SCHEDULES) await this.jobs.schedule(job, cron);
    this.logger.log(`Worker consuming ${Object.values(JOB).length} queues; ${await this.applyAllocationSchedule()}`);
  }

  /**
   * ALLOCATION_SCHEDULE, stored for every process: a cron expression replaces the stored one, `off`
   * removes it, and unset leaves it as it is, so that a process started without the variable does
   * not silently undo the schedule another one set. Returns what holds now, for the log.
   */
  private async applyAllocationSchedule(): Promise<string> {
    const asked = this.config.get<string>('ALLOCATION_SCHEDULE');
    const completeSetsOnly = this.config.get<boolean>('ALLOCATION_SCHEDULE_COMPLETE_SETS') ?? false;
    if (asked === ALLOCATION_SCHEDULE_OFF) {
      await this.jobs.unschedule(JOB.SCHEDULED_ALLOCATION);
      return 'no recurring allocation runs (ALLOCATION_SCHEDULE=off)';
    }
    if (asked) {
      await this.jobs.schedule(JOB.SCHEDULED_ALLOCATION, asked, { completeSetsOnly });
      return `allocation runs on "${asked}"${completeSetsOnly ? ', complete bundles only' : ''}`;
    }
    const stored = await this.jobs.scheduleOf(JOB.SCHEDULED_ALLOCATION);
    return stored ? `allocation runs on "${stored}", as stored by another process (ALLOCATION_SCHEDULE=off removes it)` : 'no recurring allocation runs';
  }

  private report(what: string, count: number): void {
    if (count > 0) this.logger.log(`${what}: ${count}`);
  }
}
