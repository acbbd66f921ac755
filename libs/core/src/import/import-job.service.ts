import { Injectable } from '@nestjs/common';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { insertInChunks } from '../common/batch-insert';
import { MESSAGES } from '../messages';
import { ImportJobEntity } from './import-job.entity';
import type { ImportRowResult } from './import-kind';
import { ImportRowEntity } from './import-row.entity';
import { ImportErrorCode, ImportException } from './import.exception';
import { ImportMode, ImportRowOutcome, ImportStatus } from './import.types';
import { isUuid } from '../common/uuid';

/** A job RUNNING without progress for this long was cut off by a restart: it will never finish. */
export const STALE_JOB_MS = 10 * 60_000;

export type ImportCounts = Pick<ImportJobEntity, 'rows' | 'bytesRead' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid'>;

const COUNTED: Partial<Record<ImportRowOutcome, keyof ImportCounts>> = {
  [ImportRowOutcome.CREATED]: 'created',
  [ImportRowOutcome.UPDATED]: 'updated',
  [ImportRowOutcome.UNCHANGED]: 'unchanged',
  [ImportRowOutcome.SKIPPED]: 'skipped',
  [ImportRowOutcome.INVALID]: 'invalid',
};

/** Adds a batch's results to the counts. */
export function countResults(counts: ImportCounts, results: readonly ImportRowResult[]): void {
  for (const result of results) {
    const key = COUNTED[result.outcome];
    if (key) counts[key]++;
  }
}

/** A job as its owner sees it: a RUNNING job left behind by a restart reads as FAILED. */
export function jobView(job: ImportJobEntity, now: Date): ImportJobEntity {
  if (job.status !== ImportStatus.RUNNING || now.getTime() - job.updatedAt.getTime() < STALE_JOB_MS) return job;
  const words = MESSAGES.import.interrupted();
  return Object.assign(new ImportJobEntity(), job, { status: ImportStatus.FAILED, failureIt: words.it, failureEn: words.en });
}

/**
 * The records of imports: one import_job per uploaded file and one import_row per line (per
 * problem). Written outside the import's own transaction, so progress and the report survive a
 * rollback; every read checks that the job is the caller's.
 */
@Injectable()
export class ImportJobService {
  constructor(private readonly connection: TransactionalConnection) {}

  async start(ctx: RequestContext, input: { kind: string; mode: ImportMode; fileName: string; separator: string }): Promise<ImportJobEntity> {
    const actor = requireActor(ctx);
    const jobs = this.connection.dataSource.getRepository(ImportJobEntity);
    return jobs.save(jobs.create({ ...input, ownerUserId: actor.userId, status: ImportStatus.RUNNING }));
  }

  async recordRows(jobId: string, results: readonly ImportRowResult[]): Promise<void> {
    const rows = results.flatMap((result): Omit<ImportRowEntity, 'id' | 'job'>[] => {
      const base = { jobId, line: result.line, externalKey: result.key || null, outcome: result.outcome, entityId: result.entityId };
      if (result.issues.length === 0) return [{ ...base, columnName: null, reasonIt: null, reasonEn: null }];
      return result.issues.map((issue) => ({ ...base, columnName: issue.column, reasonIt: issue.reason.it, reasonEn: issue.reason.en }));
    });
    await insertInChunks(this.connection.dataSource.getRepository(ImportRowEntity), rows);
  }

  async progress(jobId: string, counts: ImportCounts): Promise<void> {
    await this.connection.dataSource.getRepository(ImportJobEntity).update({ id: jobId }, { ...counts });
  }

  /** All or nothing, and refused: the rows that were to be written were not. */
  async cancelWrites(jobId: string): Promise<void> {
    const words = MESSAGES.import.cancelled();
    await this.connection.dataSource
      .getRepository(ImportRowEntity)
      .createQueryBuilder()
      .update()
      .set({ outcome: ImportRowOutcome.CANCELLED, entityId: null, reasonIt: words.it, reasonEn: words.en })
      .where('job_id = :jobId AND outcome IN (:...written)', { jobId, written: [ImportRowOutcome.CREATED, ImportRowOutcome.UPDATED] })
      .execute();
  }

  async finish(ctx: RequestContext, jobId: string, end: { counts: ImportCounts; written: boolean; failure?: { it: string; en: string } }): Promise<ImportJobEntity> {
    const jobs = this.connection.dataSource.getRepository(ImportJobEntity);
    await jobs.update(
      { id: jobId },
      {
        ...end.counts,
        written: end.written,
        status: end.failure ? ImportStatus.FAILED : ImportStatus.DONE,
        failureIt: end.failure?.it ?? null,
        failureEn: end.failure?.en ?? null,
        finishedAt: new Date(),
      },
    );
    return jobs.findOneByOrFail({ id: jobId });
  }

  /** One of the caller's imports, or JOB_NOT_FOUND. */
  async getOwn(ctx: RequestContext, id: string): Promise<ImportJobEntity> {
    const actor = requireActor(ctx);
    const job = isUuid(id) ? await this.connection.repository(ctx, ImportJobEntity).findOneBy({ id, ownerUserId: actor.userId }) : null;
    if (!job) throw new ImportException(ImportErrorCode.JOB_NOT_FOUND);
    return jobView(job, ctx.now);
  }

  /** The caller's latest imports of a kind, newest first. */
  async listOwn(ctx: RequestContext, kind: string, first: number): Promise<ImportJobEntity[]> {
    const actor = requireActor(ctx);
    const jobs = await this.connection.repository(ctx, ImportJobEntity).find({ where: { ownerUserId: actor.userId, kind }, order: { createdAt: 'DESC' }, take: first });
    return jobs.map((job) => jobView(job, ctx.now));
  }

  /** The rows of a job with a problem (refused, skipped, cancelled), in line order: a page of them. */
  async problems(ctx: RequestContext, jobId: string, page: { first: number; offset: number }): Promise<{ items: ImportRowEntity[]; totalCount: number }> {
    await this.getOwn(ctx, jobId);
    const [items, totalCount] = await this.connection
      .repository(ctx, ImportRowEntity)
      .createQueryBuilder('row')
      .where('row.job_id = :jobId AND row.reason_it IS NOT NULL', { jobId })
      .orderBy('row.line')
      .addOrderBy('row.id')
      .skip(page.offset)
      .take(page.first)
      .getManyAndCount();
    return { items, totalCount };
  }

  /** The SQL and parameters that read a job's whole report in line order, for a cursor. */
  reportQuery(jobId: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT line, external_key, outcome::text AS outcome, entity_id, column_name, reason_it, reason_en FROM import_row WHERE job_id = $1 ORDER BY line, id`,
      params: [jobId],
    };
  }
}
