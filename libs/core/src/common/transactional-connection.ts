import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import { RequestContext } from './request-context';

const MAX_ATTEMPTS = 4;
/** deadlock_detected and serialization_failure: the transaction did nothing and may be retried. */
const RETRYABLE = new Set(['40P01', '40001']);
const isRetryable = (error: unknown): boolean =>
  error instanceof QueryFailedError && RETRYABLE.has((error.driverError as { code?: string }).code ?? '');

/**
 * Lifts, for this transaction only, the time limits the pool puts on requests' statements
 * (DATABASE_STATEMENT_TIMEOUT_SECONDS): a job's work (an allocation run, a snapshot, the
 * retention purge) grows with the country, and the process's stop bounds it instead.
 */
export async function liftLimitsForSystemWork(manager: EntityManager, ctx: RequestContext): Promise<void> {
  if (ctx.fromSystem) await manager.query(`SELECT set_config('statement_timeout', '0', true), set_config('idle_in_transaction_session_timeout', '0', true)`);
}

/**
 * Carries a transaction in the request context: services ask it for repositories, and a
 * multi-row write runs every statement, audit rows included, in one transaction.
 */
@Injectable()
export class TransactionalConnection {
  constructor(readonly dataSource: DataSource) {}

  /**
   * Runs `work` in the context's transaction, opening one if there is none yet. A transaction
   * that PostgreSQL aborts to break a deadlock is run again (its work is all in the database, so
   * nothing of the failed try remains).
   */
  async withTransaction<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.manager) return work(ctx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          await liftLimitsForSystemWork(manager, ctx);
          return work(ctx.withManager(manager));
        });
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }

  /** The context's transaction when it has one, otherwise the pool: for SQL a repository does not express. */
  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }

  repository<E extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<E>): Repository<E> {
    return this.manager(ctx).getRepository(entity);
  }
}
