import { Injectable, Optional, Logger } from '@nestjs/common';
import { allocate, AllocationResult } from '@vec/matching';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { insertInChunks } from '../common/batch-insert';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { AllocatedPlace, MatchAllocationService } from '../match/match-allocation.service';
import { MatchLocks } from '../match/match-locks';
import { MatchingData } from '../matching/matching-data';
import { AllocationInput, AllocationInputLoader } from './allocation-input.loader';
import { keepWholeBundles } from './whole-bundles';
import { AllocationRunItemEntity } from './allocation-run-item.entity';
import { AllocationRunEntity, AllocationRunStatistics } from './allocation-run.entity';
import { AllocationRunMode, AllocationRunStatus, RunFailure, UnservedReasonCode } from './allocation.types';
import { loggableError } from '../common/log-safety';
import { MetricsService } from '../metrics/metrics.service';

/** What the run row asks of the allocator. */
interface RunOptions {
  completeSetsOnly: boolean;
}

/** pg_advisory_xact_lock key: one committing run at a time across every worker. */
const COMMIT_LOCK_KEY = 7_310_001;
/** A run still RUNNING this long after it started lost its worker: a national run takes seconds. */
export const STALE_RUN_MINUTES = 30;

/**
 * Executes an allocation run with the exact engine. A preview reads a snapshot and records who
 * would get what. A commit runs in one transaction that first locks every valid offer and the
 * shops with open requests (the same order applications use), so nobody can take a slot or a
 * shop-limit unit while the run decides; then it writes all matches, their history, the run's
 * items and statistics together — or nothing.
 */
@Injectable()
export class AllocationExecutor {
  private readonly logger = new Logger('AllocationRun');

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly loader: AllocationInputLoader,
    private readonly data: MatchingData,
    private readonly locks: MatchLocks,
    private readonly matches: MatchAllocationService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** Runs a QUEUED or due SCHEDULED run; returns null when another worker has it or it was cancelled. */
  async execute(ctx: RequestContext, runId: string): Promise<AllocationRunEntity | null> {
    const [claimed] = await this.connection.dataSource.query(
      `UPDATE allocation_run SET status = 'RUNNING', started_at = $2
       WHERE id = $1 AND status IN ('QUEUED', 'SCHEDULED') AND (scheduled_for IS NULL OR scheduled_for <= $2) RETURNING id, mode, requested_by_user_id, complete_sets_only`,
      [runId, ctx.now],
    ).then((result: [{ id: string; mode: AllocationRunMode; requested_by_user_id: string | null; complete_sets_only: boolean }[], number]) => result[0]);
    if (!claimed) return null;
    const actorCtx = await this.asRequester(ctx, claimed.requested_by_user_id);
    const stopTimer = this.metrics?.allocationRunDuration.startTimer({ mode: claimed.mode });
    try {
      const options: RunOptions = { completeSetsOnly: claimed.complete_sets_only };
      await (claimed.mode === AllocationRunMode.PREVIEW ? this.preview(actorCtx, runId, options) : this.commit(actorCtx, runId, options));
      stopTimer?.({ status: 'FINISHED' });
    } catch (error) {
      stopTimer?.({ status: 'FAILED' });
      const { message, stack } = loggableError(error);
      this.logger.error(`run ${runId} failed: ${message}`, stack);
      await this.connection.dataSource.query(`UPDATE allocation_run SET status = 'FAILED', finished_at = now(), failure = $2 WHERE id = $1 AND status = 'RUNNING'`, [
        runId,
        RunFailure.RUN_FAILED,
      ]);
    }
    return this.connection.dataSource.getRepository(AllocationRunEntity).findOneByOrFail({ id: runId });
  }

  /**
   * Fails the runs a stopped worker left RUNNING: a run writes everything in one transaction,
   * so one that never finished changed nothing, and staff can start it again. Returns how many.
   */
  async failStale(ctx: RequestContext): Promise<number> {
    const [, count]: [unknown, number] = await this.connection.dataSource.query(
      `UPDATE allocation_run SET status = 'FAILED', finished_at = $1, failure = $2
       WHERE status = 'RUNNING' AND started_at < $1::timestamptz - make_interval(mins => $3)`,
      [ctx.now, RunFailure.WORKER_STOPPED, STALE_RUN_MINUTES],
    );
    return count;
  }

  private async preview(ctx: RequestContext, runId: string, options: RunOptions): Promise<void> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const started = Date.now();
      const input = await this.loader.load(tx, await this.loader.validOfferIds(tx));
      const { result, solveMs } = this.solve(tx, input, options);
      await this.writeItems(tx, runId, result, new Map());
      await this.finish(tx, runId, AllocationRunStatus.PREVIEWED, statistics(input, result, Date.now() - started, solveMs));
    });
  }

  private async commit(ctx: RequestContext, runId: string, options: RunOptions): Promise<void> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const started = Date.now();
      const manager = tx.manager;
      if (!manager) throw new Error('commit outside a transaction');
      await manager.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_LOCK_KEY]);
      const offerIds = await this.loader.validOfferIds(tx);
      await this.locks.offers(tx, offerIds);
      await this.locks.shops(tx, await this.loader.openRequestShopIds(tx));
      const input = await this.loader.load(tx, offerIds);
      const solved = this.solve(tx, input, options);
      const { solveMs } = solved;
      const result = options.completeSetsOnly
        ? keepWholeBundles(
            solved.result,
            (id) => input.requestEntities.get(id)?.bundleId ?? null,
            await this.loader.lockOpen(tx, solved.result.assignments.map((a) => a.requestId)),
          )
        : solved.result;

      const places: AllocatedPlace[] = result.assignments.map((a) => {
        const request = input.requestEntities.get(a.requestId);
        const offer = input.offerEntities.get(a.offerId);
        if (!request || !offer) throw new Error(`assignment ${a.requestId} → ${a.offerId} outside the input`);
        return { request, offer, ranked: a };
      });
      // A request cancelled while the run computed keeps no assignment (its place stays free).
      const saved = await this.matches.openAllocated(tx, runId, places);
      const matchByRequest = new Map(saved.map((m) => [m.helpRequestId, m.id]));
      const assignments = result.assignments.filter((a) => matchByRequest.has(a.requestId));
      const kept: AllocationResult = { ...result, assignments, served: assignments.length, totalCost: assignments.reduce((sum, a) => sum + a.cost, 0) };
      await this.writeItems(tx, runId, kept, matchByRequest);
      await this.finish(tx, runId, AllocationRunStatus.COMMITTED, statistics(input, kept, Date.now() - started, solveMs));
      await this.audit.record(tx, { action: 'allocation_run.committed', entityType: 'allocation_run', entityId: runId, after: { served: kept.served, matches: saved.length } });
    });
  }

  private solve(ctx: RequestContext, input: AllocationInput, options: RunOptions): { result: AllocationResult; solveMs: number } {
    const started = performance.now();
    const result = allocate(input.requests, input.offers, { ...this.data.context(ctx), excludedPairs: input.excludedPairs, completeSetsOnly: options.completeSetsOnly });
    return { result, solveMs: Math.round(performance.now() - started) };
  }

  private async writeItems(
    tx: RequestContext,
    runId: string,
    result: AllocationResult,
    matchByRequest: ReadonlyMap<string, string>,
  ): Promise<void> {
    const rows: Partial<AllocationRunItemEntity>[] = [
      ...result.assignments.map((a) => ({
        runId,
        helpRequestId: a.requestId,
        offerId: a.offerId,
        cost: a.cost,
        coverageLevel: a.coverageLevel,
        distanceKm: a.distanceKm,
        unservedReason: null,
        matchId: matchByRequest.get(a.requestId) ?? null,
      })),
      ...result.unserved.map((u) => ({ runId, helpRequestId: u.requestId, offerId: null, cost: null, coverageLevel: null, distanceKm: null, unservedReason: u.reason as UnservedReasonCode, matchId: null })),
    ];
    await insertInChunks(this.connection.repository(tx, AllocationRunItemEntity), rows);
  }

  /** Only a run still RUNNING finishes: one failed meanwhile as stale rolls its whole transaction back. */
  private async finish(tx: RequestContext, runId: string, status: AllocationRunStatus, stats: AllocationRunStatistics): Promise<void> {
    const { affected } = await this.connection
      .repository(tx, AllocationRunEntity)
      .update({ id: runId, status: AllocationRunStatus.RUNNING }, { status, finishedAt: new Date(), statistics: stats });
    if (!affected) throw new Error(`run ${runId} is no longer RUNNING: its results are not kept`);
  }

  /** The run acts as the staff member who started it (scheduled runs act as the platform). */
  private async asRequester(ctx: RequestContext, userId: string | null): Promise<RequestContext> {
    if (!userId) return ctx;
    const actor = await this.auth.actorOf(ctx, userId);
    return actor ? ctx.withActor(actor) : ctx;
  }
}

function statistics(input: AllocationInput, result: AllocationResult, durationMs: number, solveMs: number): AllocationRunStatistics {
  const unservedByReason: Record<string, number> = {};
  for (const u of result.unserved) unservedByReason[u.reason] = (unservedByReason[u.reason] ?? 0) + 1;
  return {
    requests: input.requests.length,
    offers: input.offers.length,
    candidatePairs: result.stats.edges,
    served: result.served,
    unserved: input.requests.length - result.served,
    unservedByReason,
    totalCost: result.totalCost,
    durationMs,
    solveMs,
    solveRounds: result.sets.rounds,
  };
}
