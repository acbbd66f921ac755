import { COVERAGE_LEVELS, type CoverageLevel } from '@vec/matching';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JobQueue } from '../jobs/job-queue';
import { JOB } from '../jobs/job-names';
import { AllocationRunItemEntity } from './allocation-run-item.entity';
import { AllocationRunEntity } from './allocation-run.entity';
import { AllocationRunMode, AllocationRunStatus, UnservedReasonCode } from './allocation.types';
import { AllocationErrorCode, AllocationException } from './allocation.exception';
import { DAY_MS } from '../common/time';
import type { AllocationRunItemFilter, StartAllocationRun } from './allocation.commands';

export interface AllocationRunSummary {
  requests: number;
  served: number;
  servedShare: number | null;
  byCoverageLevel: { level: CoverageLevel; count: number }[];
  servedWithinRadius: number;
  averageRadiusKm: number | null;
  sets: AllocationRunSetSummary;
}

/** The bundles among the run's requests: served whole, in part, or not at all (dropped: withdrawn by completeSetsOnly). */
export interface AllocationRunSetSummary {
  total: number;
  complete: number;
  partial: number;
  unserved: number;
  dropped: number;
}

export type CancelRunOutcome = { kind: 'run'; run: AllocationRunEntity } | { kind: 'not-cancellable'; current: AllocationRunStatus };

/** Ministry staff start, schedule, cancel and read allocation runs; the worker executes them. */
/** A run is scheduled at most this far ahead: further, the data it would allocate does not exist yet. */
export const MAX_SCHEDULE_AHEAD_DAYS = 366;

@Injectable()
export class AllocationRunService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async start(ctx: RequestContext, input: StartAllocationRun): Promise<AllocationRunEntity> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    if (input.runAt && input.runAt.getTime() <= ctx.now.getTime()) throw new AllocationException(AllocationErrorCode.RUN_AT_IN_PAST, 'input.runAt');
    if (input.runAt && input.runAt.getTime() > ctx.now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * DAY_MS) {
      throw new AllocationException(AllocationErrorCode.RUN_AT_TOO_FAR, 'input.runAt');
    }
    return this.connection.withTransaction(ctx, async (tx) => {
      const runs = this.connection.repository(tx, AllocationRunEntity);
      const run = await runs.save(
        runs.create({
          mode: input.mode,
          completeSetsOnly: input.completeSetsOnly ?? false,
          status: input.runAt ? AllocationRunStatus.SCHEDULED : AllocationRunStatus.QUEUED,
          requestedByUserId: actor.userId,
          scheduledFor: input.runAt ?? null,
          startedAt: null,
          finishedAt: null,
          statistics: null,
          failure: null,
        }),
      );
      await this.jobs.send(tx, JOB.RUN_ALLOCATION, { runId: run.id }, { startAfter: input.runAt });
      await this.audit.record(tx, { action: 'allocation_run.requested', entityType: 'allocation_run', entityId: run.id, after: { mode: run.mode, scheduledFor: run.scheduledFor, completeSetsOnly: run.completeSetsOnly } });
      return run;
    });
  }

  /**
   * A run started by the recurring schedule: it commits, and acts as the platform; with
   * `completeSetsOnly` (ALLOCATION_SCHEDULE_COMPLETE_SETS) it serves bundles only whole.
   */
  async startScheduled(ctx: RequestContext, options: { completeSetsOnly: boolean }): Promise<AllocationRunEntity> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const runs = this.connection.repository(tx, AllocationRunEntity);
      const run = await runs.save(
        runs.create({ mode: AllocationRunMode.COMMIT, completeSetsOnly: options.completeSetsOnly, status: AllocationRunStatus.QUEUED, requestedByUserId: null, scheduledFor: tx.now, startedAt: null, finishedAt: null, statistics: null, failure: null }),
      );
      // Executed by its own job, sent with it: a worker that stops here leaves no run without one.
      await this.jobs.send(tx, JOB.RUN_ALLOCATION, { runId: run.id });
      await this.audit.record(tx, { action: 'allocation_run.requested', entityType: 'allocation_run', entityId: run.id, after: { mode: run.mode, completeSetsOnly: run.completeSetsOnly, schedule: true } });
      return run;
    });
  }

  async cancel(ctx: RequestContext, id: string): Promise<CancelRunOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const runs = this.connection.repository(tx, AllocationRunEntity);
      const run = await runs.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw new AllocationException(AllocationErrorCode.RUN_NOT_FOUND, 'id');
      if (run.status !== AllocationRunStatus.SCHEDULED && run.status !== AllocationRunStatus.QUEUED) return { kind: 'not-cancellable', current: run.status };
      await runs.update({ id }, { status: AllocationRunStatus.CANCELLED, finishedAt: tx.now });
      await this.audit.record(tx, { action: 'allocation_run.cancelled', entityType: 'allocation_run', entityId: id, before: { status: run.status } });
      return { kind: 'run', run: await runs.findOneByOrFail({ id }) };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<AllocationRunEntity> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const run = await this.connection.repository(ctx, AllocationRunEntity).findOneBy({ id });
    if (!run) throw new AllocationException(AllocationErrorCode.RUN_NOT_FOUND, 'id');
    return run;
  }

  async list(ctx: RequestContext, page: PageRequest): Promise<Page<AllocationRunEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const [items, total] = await this.connection
      .repository(ctx, AllocationRunEntity)
      .findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, skip: page.offset, take: page.first });
    return toPage(items, total, page);
  }

  /** What the run achieved: requests served, and how locally, from its items (every run, old ones included). */
  async summary(ctx: RequestContext, runId: string): Promise<AllocationRunSummary> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const rows: { level: CoverageLevel | null; n: number; km: number | null }[] = await this.connection.manager(ctx).query(
      `SELECT coverage_level AS level, count(*)::int AS n, avg(distance_km) FILTER (WHERE coverage_level = 'RADIUS') AS km
       FROM allocation_run_item WHERE run_id = $1 GROUP BY 1`,
      [runId],
    );
    const requests = rows.reduce((sum, row) => sum + row.n, 0);
    const count = (level: CoverageLevel): number => rows.find((row) => row.level === level)?.n ?? 0;
    const served = COVERAGE_LEVELS.reduce((sum, level) => sum + count(level), 0);
    const radius = rows.find((row) => row.level === 'RADIUS');
    return {
      requests,
      served,
      servedShare: requests > 0 ? served / requests : null,
      byCoverageLevel: COVERAGE_LEVELS.map((level) => ({ level, count: count(level) })),
      servedWithinRadius: count('RADIUS'),
      averageRadiusKm: radius?.km == null ? null : Number(radius.km),
      sets: await this.setSummary(ctx, runId),
    };
  }

  /** Per bundle with requests in the run: how many of them it served. */
  private async setSummary(ctx: RequestContext, runId: string): Promise<AllocationRunSetSummary> {
    const [row]: AllocationRunSetSummary[] = await this.connection.manager(ctx).query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE served = parts)::int AS complete,
              count(*) FILTER (WHERE served > 0 AND served < parts)::int AS partial,
              count(*) FILTER (WHERE served = 0)::int AS unserved,
              count(*) FILTER (WHERE withdrawn > 0)::int AS dropped
       FROM (SELECT count(*) AS parts, count(i.offer_id) AS served, count(*) FILTER (WHERE i.unserved_reason = $2) AS withdrawn
             FROM allocation_run_item i JOIN help_request r ON r.id = i.help_request_id
             WHERE i.run_id = $1 AND r.bundle_id IS NOT NULL GROUP BY r.bundle_id) bundles`,
      [runId, UnservedReasonCode.SET_INCOMPLETE],
    );
    return row;
  }

  /** Served items first (by request), then unserved ones by reason. */
  async items(ctx: RequestContext, runId: string, filter: AllocationRunItemFilter, page: PageRequest): Promise<Page<AllocationRunItemEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const query = this.connection.repository(ctx, AllocationRunItemEntity).createQueryBuilder('i').where('i.run_id = :runId', { runId });
    if (filter.served === true) query.andWhere('i.offer_id IS NOT NULL');
    if (filter.served === false) query.andWhere('i.offer_id IS NULL');
    if (filter.reason) query.andWhere('i.unserved_reason = :reason', { reason: filter.reason });
    const [items, total] = await query
      .orderBy('i.offer_id IS NULL', 'ASC')
      .addOrderBy('i.unserved_reason', 'ASC', 'NULLS FIRST')
      .addOrderBy('i.help_request_id', 'ASC')
      .skip(page.offset)
      .take(page.first)
      .getManyAndCount();
    return toPage(items, total, page);
  }
}
