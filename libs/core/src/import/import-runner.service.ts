import { Injectable, Logger } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { loggableError } from '../common/log-safety';
import { MESSAGES } from '../messages';
import { CsvReader, openCsv } from './csv-source';
import { ImportJobEntity } from './import-job.entity';
import { ImportCounts, countResults, ImportJobService } from './import-job.service';
import type { ImportIssue, ImportKind, ImportRowInput, ImportRowResult } from './import-kind';
import { ImportErrorCode, ImportException } from './import.exception';
import { importFailureWords } from './import-failure';
import { ImportGate } from './import-gate';
import { ImportMode, ImportRowOutcome } from './import.types';

/** Rows checked and written together: one statement per table per batch. */
export const IMPORT_BATCH = 500;
/** The longest external key accepted. */
export const MAX_KEY_LENGTH = 100;

export interface ImportRunOptions {
  mode: ImportMode;
  fileName: string;
  maxRows: number;
  /** The header was accepted and the job exists: the caller may start answering. */
  onStart?: (job: ImportJobEntity) => void;
  /** After each batch. */
  onProgress?: (counts: ImportCounts) => void;
}

/** Thrown to roll back an all-or-nothing import that refused some row. */
class Refused extends Error {}

const WRITTEN = new Set([ImportRowOutcome.CREATED, ImportRowOutcome.UPDATED, ImportRowOutcome.UNCHANGED]);

/**
 * Checks the header against the kind's columns: every required one present, nothing unknown, nothing
 * twice. An empty header cell is no column: Excel writes one (`email_titolare;;`) for each column to
 * the right that was once touched, with nothing under it; its name stays empty in the names returned,
 * and a row with something under it is refused (eachBatch).
 */
export function checkHeader(kind: Pick<ImportKind, 'columns'>, header: readonly string[]): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const known = kind.columns.map((column) => column.header);
  const repeated = names.find((name, i) => name !== '' && names.indexOf(name) !== i);
  if (repeated !== undefined) throw new ImportException(ImportErrorCode.HEADER_REPEATED, { columns: [repeated] });
  const missing = kind.columns.filter((column) => column.required && !names.includes(column.header)).map((column) => column.header);
  if (missing.length) throw new ImportException(ImportErrorCode.HEADER_MISSING, { columns: missing });
  const unknown = names.filter((name) => name !== '' && !known.includes(name));
  if (unknown.length) throw new ImportException(ImportErrorCode.HEADER_UNKNOWN, { columns: unknown, known });
  return names;
}

/**
 * Runs an import kind over an uploaded file: the generic half of every CSV import (see
 * import-kind.ts). The file is read as it arrives, a batch of rows at a time; each batch's results
 * go to import_row and its counts to import_job before the next batch is read, so neither the file
 * nor the results are ever held whole. Modes: a dry run writes nothing; row by row commits each
 * batch's good rows; all or nothing reads the upload to a temporary file, then runs every batch in
 * one transaction, rolled back when any row is refused (its report then says which rows were not
 * written and why).
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Import');
  private readonly gate = new ImportGate();

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jobs: ImportJobService,
  ) {}

  async run<S>(ctx: RequestContext, kind: ImportKind<S>, input: Readable, options: ImportRunOptions): Promise<ImportJobEntity> {
    // Refused (a role, an organisation not approved, imports already running) before any of the file is read.
    const scope = await kind.begin(ctx);
    const leave = this.gate.enter(ctx.actor?.userId ?? ctx.requestId);
    try {
      if (options.mode !== ImportMode.ALL_OR_NOTHING) return await this.runFrom(ctx, kind, scope, input, options);
      // All or nothing holds one transaction over the whole file: the upload is read to a temporary
      // file first, so the transaction lasts as long as the work, not as long as a slow upload.
      const folder = await mkdtemp(join(tmpdir(), 'vicini-import-'));
      try {
        const spooled = join(folder, 'upload.csv');
        await pipeline(input, createWriteStream(spooled));
        return await this.runFrom(ctx, kind, scope, createReadStream(spooled), options);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    } finally {
      leave();
    }
  }

  private async runFrom<S>(ctx: RequestContext, kind: ImportKind<S>, scope: S, input: Readable, options: ImportRunOptions): Promise<ImportJobEntity> {
    const reader = await openCsv(input);
    const header = checkHeader(kind, reader.header);
    const job = await this.jobs.start(ctx, { kind: kind.name, mode: options.mode, fileName: options.fileName, separator: reader.separator });
    options.onStart?.(job);
    const counts: ImportCounts = { rows: 0, bytesRead: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0 };
    let written = false;
    try {
      if (options.mode === ImportMode.ALL_OR_NOTHING) {
        let refused = false;
        try {
          await this.connection.dataSource.transaction(async (manager) => {
            const tx = ctx.withManager(manager);
            await this.eachBatch(reader, kind, header, counts, options, job.id, async (batch) => {
              const results = await kind.apply(tx, scope, batch, !refused);
              refused ||= results.some((result) => !WRITTEN.has(result.outcome));
              return results;
            });
            if (refused) throw new Refused();
          });
          written = true;
        } catch (error) {
          await this.jobs.cancelWrites(job.id);
          if (!(error instanceof Refused)) throw error;
        }
      } else {
        const write = options.mode === ImportMode.ROW_BY_ROW;
        await this.eachBatch(reader, kind, header, counts, options, job.id, async (batch) => {
          if (!write) return kind.apply(ctx, scope, batch, false);
          const results = await this.connection.withTransaction(ctx, (tx) => kind.apply(tx, scope, batch, true));
          written ||= results.some((result) => result.outcome === ImportRowOutcome.CREATED || result.outcome === ImportRowOutcome.UPDATED);
          return results;
        });
      }
      return await this.jobs.finish(ctx, job.id, { counts, written });
    } catch (error) {
      if (!(error instanceof ImportException)) this.logger.error(`import ${job.id} failed: ${loggableError(error).message}`, loggableError(error).stack);
      const words = error instanceof ImportException ? importFailureWords(error) : MESSAGES.request.internalError();
      return this.jobs.finish(ctx, job.id, { counts, written, failure: words });
    }
  }

  /** Reads the records a batch at a time, checks what the framework checks, and records each batch's results. */
  private async eachBatch(
    reader: CsvReader,
    kind: ImportKind<never> | ImportKind<unknown>,
    header: readonly string[],
    counts: ImportCounts,
    options: ImportRunOptions,
    jobId: string,
    apply: (batch: ImportRowInput[]) => Promise<ImportRowResult[]>,
  ): Promise<void> {
    const seen = new Map<string, number>();
    // The cells a row must have: up to the header's last named column.
    const named = header.findLastIndex((name) => name !== '') + 1;
    let batch: ImportRowInput[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const results = await apply(batch);
      await this.jobs.recordRows(jobId, results);
      countResults(counts, results);
      counts.bytesRead = reader.bytesRead();
      await this.jobs.progress(jobId, counts);
      options.onProgress?.({ ...counts });
      batch = [];
    };
    for (let next = await reader.records.next(); !next.done; next = await reader.records.next()) {
      const { cells, line } = next.value;
      if (++counts.rows > options.maxRows) throw new ImportException(ImportErrorCode.TOO_MANY_ROWS, { limit: options.maxRows });
      const issues: ImportIssue[] = [];
      // A row may stop before the header's unnamed columns at its end: they hold nothing.
      if (cells.length > header.length || cells.length < named) issues.push({ column: null, reason: MESSAGES.import.fieldCount(cells.length, header.length) });
      const byName: Record<string, string> = {};
      header.forEach((name, i) => {
        const cell = (cells[i] ?? '').trim();
        if (name !== '') byName[name] = cell;
        // Whatever is under an unnamed column would be silently dropped: the row is refused, naming where it is.
        else if (cell !== '') issues.push({ column: null, reason: MESSAGES.import.unnamedColumn(i + 1) });
      });
      const key = byName[kind.keyColumn] ?? '';
      if (key === '') issues.push({ column: kind.keyColumn, reason: MESSAGES.import.required(kind.keyColumn) });
      else if (key.length > MAX_KEY_LENGTH) issues.push({ column: kind.keyColumn, reason: MESSAGES.import.tooLong(kind.keyColumn, MAX_KEY_LENGTH) });
      else if (seen.has(key)) issues.push({ column: kind.keyColumn, reason: MESSAGES.import.keyRepeated(kind.keyColumn, seen.get(key) ?? 0) });
      else seen.set(key, line);
      // An empty required cell is said so, rather than by a rule about what it should hold ("must be a whole number").
      for (const column of kind.columns) {
        if (column.required && column.header !== kind.keyColumn && (byName[column.header] ?? '') === '') issues.push({ column: column.header, reason: MESSAGES.import.required(column.header) });
      }
      batch.push({ line, key, cells: byName, issues });
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
  }
}
