import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { RequestContext } from '../common/request-context';
import { ALL_JOBS, JobData, JobName } from './job-names';
import { loggableError } from '../common/log-safety';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  databaseUrl: string;
  /** Consume jobs here (a worker): also run pg-boss's maintenance and cron scheduling. */
  consume: boolean;
  pollingIntervalSeconds: number;
  /**
   * How long a stopping process lets the jobs in hand finish (SHUTDOWN_TIMEOUT_SECONDS): a job cut
   * short leaves its work to the retry, and an allocation run to the stale-run sweep.
   */
  stopTimeoutSeconds?: number;
}

export interface SendOptions {
  /** Not before this instant. */
  startAfter?: Date;
  /** At most one queued job with this key (e.g. one promotion per offer). */
  singletonKey?: string;
}

/** admin_shutdown and its kin, or the client noticing the connection is gone. */
const isConnectionClosed = (error: Error): boolean =>
  ['57P01', '57P02', '57P03'].includes((error as { code?: string }).code ?? '') || /Connection terminated/i.test(error.message);

/** SHUTDOWN_TIMEOUT_SECONDS's default. */
const DEFAULT_STOP_TIMEOUT_SECONDS = 25;

/** pg_advisory_lock key: one process at a time creates the queues. */
const QUEUE_CREATION_LOCK = 7_320_001;

export type JobHandler<N extends JobName> = (data: JobData[N], jobId: string) => Promise<void>;

/**
 * The PostgreSQL-backed job queue (pg-boss). Jobs sent from inside a service transaction are
 * written in that transaction, so a job exists exactly when the change that asks for it commits.
 * pg-boss hands each job to one worker (SKIP LOCKED) and fires each cron schedule once a minute
 * across all instances, so several workers can run side by side.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private stopping = false;

  constructor(
    @Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      application_name: 'vicini-e-connessi-jobs',
      max: 4,
      supervise: options.consume,
      schedule: options.consume,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    });
    this.boss.on('error', (error: Error) => {
      const { message, stack } = loggableError(error);
      // While the platform stops, the database may close a connection pg-boss still held (the
      // embedded server stops right after): expected, not a failure.
      if (this.stopping && isConnectionClosed(error)) this.logger.warn(`pg-boss: a connection closed while stopping (${message})`);
      else this.logger.error(`pg-boss: ${message}`, stack);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.createQueues();
    if (this.metrics) this.measureQueues(this.metrics);
  }

  /**
   * Creates the queues that do not exist yet, one process at a time: pg-boss gives each queue a
   * table of its own, attached to its job table, and processes starting together on a new
   * database (an API and its workers) deadlocked doing so. Once they exist, nothing is locked.
   */
  private async createQueues(): Promise<void> {
    const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
    const missing = ALL_JOBS.filter((name) => !existing.has(name));
    if (missing.length === 0) return;
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'vicini-e-connessi-jobs' });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [QUEUE_CREATION_LOCK]);
      // Another process may have created some meanwhile: creating an existing queue does nothing.
      for (const name of missing) await this.boss.createQueue(name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_CREATION_LOCK]).catch(() => undefined);
      await client.end();
    }
  }

  /** Jobs waiting or running per queue, read from pg-boss when scraped. */
  private measureQueues(metrics: MetricsService): void {
    const queued = (name: JobName): Promise<number> => this.queued(name);
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs not yet done (created, retrying or active), by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const name of ALL_JOBS) this.set({ queue: name }, await queued(name));
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: (this.options.stopTimeoutSeconds ?? DEFAULT_STOP_TIMEOUT_SECONDS) * 1000 });
  }

  /** Queues a job; inside a transaction (ctx.manager) it commits or rolls back with it. */
  async send<N extends JobName>(ctx: RequestContext, name: N, data: JobData[N], options: SendOptions = {}): Promise<string | null> {
    const manager = ctx.manager;
    const db = manager ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) } : undefined;
    return this.boss.send(name, data, { ...options, ...(db && { db }) });
  }

  /** Runs `handler` for each job of the queue, one at a time per worker. */
  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    await this.boss.work<JobData[N]>(name, { pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      const stopTimer = this.metrics?.jobDuration.startTimer({ queue: name });
      try {
        await handler(job.data, job.id);
        stopTimer?.({ outcome: 'done' });
      } catch (error) {
        stopTimer?.({ outcome: 'failed' });
        throw error;
      }
    });
  }

  /** A recurring job (5-field cron, UTC), with the data each of its jobs carries. */
  async schedule<N extends JobName>(name: N, cron: string, data?: JobData[N]): Promise<void> {
    await this.boss.schedule(name, cron, data ?? {}, { tz: 'UTC' });
  }

  /** The cron expression stored for a recurring job, or null. */
  async scheduleOf(name: JobName): Promise<string | null> {
    return (await this.boss.getSchedules()).find((schedule) => schedule.name === name)?.cron ?? null;
  }

  async unschedule(name: JobName): Promise<void> {
    await this.boss.unschedule(name);
  }

  /** Jobs of a queue not yet done (created, retrying or active), for tests and health. */
  async queued(name: JobName): Promise<number> {
    return this.boss.getQueueSize(name);
  }
}
