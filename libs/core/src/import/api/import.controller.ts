import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { requestContextFromHttp } from '../../api/request-context';
import { requireActor } from '../../common/access';
import { actorOf, RequestContext } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { MESSAGES } from '../../messages';
import { csvStringifier } from '../../monitoring/export/csv-format';
import { ImportJobService } from '../import-job.service';
import { IMPORT_KINDS } from '../import-kind';
import type { ImportKind, ImportKinds } from '../import-kind';
import { ImportRunner } from '../import-runner.service';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportMode, ImportRowOutcome } from '../import.types';
import { importJobJson, ImportJobJson, importRowJson, ImportRowJson, nextLine } from './import.json';
import { shownFileName } from './import-text';
import { ImportHttpErrorFilter } from './import-http-error.filter';

const MB = 1024 * 1024;
const REPORT_COLUMNS = ['line', 'externalKey', 'outcome', 'entityId', 'column', 'reason'] as const;

/**
 * CSV imports over HTTP, for every import kind (`/imports/<kind>`):
 *  - `GET  /imports/<kind>/template.csv` the template: Italian header and an example row;
 *  - `GET  /imports/<kind>/columns` its columns: header, required, the key column, what to write;
 *  - `POST /imports/<kind>?mode=DRY_RUN|ALL_OR_NOTHING|ROW_BY_ROW` the file as the `file` field of
 *    multipart/form-data; the answer streams one JSON line per batch (`application/x-ndjson`:
 *    `started`, `progress`…, then `finished` with the counts), and the job keeps going to its end
 *    if the client goes away;
 *  - `GET  /imports/<kind>/jobs` the caller's latest imports; `GET /imports/jobs/<id>` one of them,
 *    `…/problems?first=&offset=` its refused rows by line, `…/report.csv` every row's outcome.
 * Like every API route they take only the bearer token (never a cookie), so another site's form
 * cannot send an upload in the user's name; each kind's roles are checked first.
 */
@UseFilters(ImportHttpErrorFilter)
@Controller('imports')
export class ImportController {
  private readonly maxFileMb: number;
  private readonly maxRows: number;

  constructor(
    @Inject(IMPORT_KINDS) private readonly kinds: ImportKinds,
    private readonly runner: ImportRunner,
    private readonly jobs: ImportJobService,
    private readonly connection: TransactionalConnection,
    config: ConfigService,
  ) {
    this.maxFileMb = config.getOrThrow<number>('IMPORT_MAX_FILE_MB');
    this.maxRows = config.getOrThrow<number>('IMPORT_MAX_ROWS');
  }

  @Get('jobs/:id')
  async job(@Param('id') id: string, @Req() req: Request): Promise<ImportJobJson> {
    return importJobJson(await this.jobs.getOwn(this.context(req), id));
  }

  @Get('jobs/:id/problems')
  async problems(@Param('id') id: string, @Query('first') first: string | undefined, @Query('offset') offset: string | undefined, @Req() req: Request): Promise<{ items: ImportRowJson[]; totalCount: number }> {
    const page = { first: Math.min(Math.max(Number(first) || 50, 1), 500), offset: Math.max(Number(offset) || 0, 0) };
    const { items, totalCount } = await this.jobs.problems(this.context(req), id, page);
    return { items: items.map(importRowJson), totalCount };
  }

  /** Every row's outcome as CSV, in the reader's language (`lang`, Italian by default); a check's rows say what would be done. */
  @Get('jobs/:id/report.csv')
  async report(@Param('id') id: string, @Query('lang') lang: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const job = await this.jobs.getOwn(this.context(req), id);
    const language = lang === 'en' ? 'en' : 'it';
    const dryRun = job.mode === ImportMode.DRY_RUN;
    const { sql, params } = this.jobs.reportQuery(job.id);
    const runner = this.connection.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${MESSAGES.import.reportFileName(job.kind, job.createdAt.toISOString().slice(0, 10))[language]}"`);
      const csv = csvStringifier(REPORT_COLUMNS.map((key, i) => ({ key, header: MESSAGES.import.reportHeader(i)[language] })));
      const toRow = new Transform({
        objectMode: true,
        transform(row: { line: number; external_key: string | null; outcome: ImportRowOutcome; entity_id: string | null; column_name: string | null; reason_it: string | null; reason_en: string | null }, _e, done) {
          const reason = (language === 'en' ? row.reason_en : row.reason_it) ?? '';
          done(null, { line: row.line, externalKey: row.external_key ?? '', outcome: MESSAGES.import.outcome(row.outcome, dryRun)[language], entityId: row.entity_id ?? '', column: row.column_name ?? '', reason });
        },
      });
      await pipeline(client.query(new QueryStream(sql, params, { batchSize: 1000 })), toRow, csv, res);
    } finally {
      await runner.release();
    }
  }

  @Get(':kind/jobs')
  async list(@Param('kind') name: string, @Req() req: Request): Promise<ImportJobJson[]> {
    const ctx = this.context(req);
    const kind = this.kind(ctx, name);
    return (await this.jobs.listOwn(ctx, kind.name, 20)).map(importJobJson);
  }

  /** The file's columns, in the template's order: header, whether every file must have it, and what to write in it. */
  @Get(':kind/columns')
  columns(@Param('kind') name: string, @Req() req: Request): { header: string; required: boolean; key: boolean; help: { it: string; en: string } }[] {
    const kind = this.kind(this.context(req), name);
    return kind.columns.map((column) => ({ header: column.header, required: column.required, key: column.header === kind.keyColumn, help: { it: column.help.it, en: column.help.en } }));
  }

  @Get(':kind/template.csv')
  async template(@Param('kind') name: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const kind = this.kind(this.context(req), name);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="modello-importazione-${kind.name}.csv"`);
    const csv = csvStringifier(kind.columns.map((column) => ({ key: column.header, header: column.header })));
    const done = pipeline(csv, res);
    csv.write(kind.example(this.context(req).now));
    csv.end();
    await done;
  }

  @Post(':kind')
  async upload(@Param('kind') name: string, @Query('mode') mode: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = this.context(req);
    const kind = this.kind(ctx, name);
    if (!Object.values(ImportMode).includes(mode as ImportMode)) throw new ImportException(ImportErrorCode.BAD_MODE);
    if (!req.is('multipart/form-data')) throw new ImportException(ImportErrorCode.NO_FILE);
    await this.receive(ctx, kind, mode as ImportMode, req, res);
  }

  /** Reads the multipart body and runs the import on its file part as it arrives. */
  private receive(ctx: RequestContext, kind: ImportKind, mode: ImportMode, req: Request, res: Response): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // Browsers write the file's name in UTF-8; busboy would read it as Latin-1 ("CaffÃ¨.csv").
      const parts = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fileSize: this.maxFileMb * MB } });
      let running: Promise<void> | null = null;
      parts.on('file', (field, file, info) => {
        if (field !== 'file' || running) {
          file.resume();
          return;
        }
        file.on('limit', () => file.destroy(new ImportException(ImportErrorCode.TOO_LARGE, { limit: this.maxFileMb })));
        // The client went away in the middle of the upload: the file is cut, never taken as whole.
        req.on('close', () => {
          if (!req.complete) file.destroy(new ImportException(ImportErrorCode.UPLOAD_CUT));
        });
        running = this.runner
          .run(ctx, kind, file, {
            mode,
            fileName: shownFileName(info.filename ?? ''),
            maxRows: this.maxRows,
            onStart: (job) => {
              res.status(200);
              res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
              // no-transform: the compression middleware would hold the lines back.
              res.setHeader('cache-control', 'no-store, no-transform');
              res.write(nextLine({ type: 'started', job: importJobJson(job) }));
            },
            onProgress: (counts) => {
              if (!res.writableEnded && !res.destroyed) res.write(nextLine({ type: 'progress', ...counts }));
            },
          })
          .then((job) => {
            if (!res.destroyed) res.end(nextLine({ type: 'finished', job: importJobJson(job) }));
          })
          .catch((error: unknown) => {
            // Refused before the job began (not a CSV, a wrong header): the rest of the upload is read and dropped.
            req.unpipe(parts);
            req.resume();
            throw error;
          });
        running.then(resolve, (error: unknown) => (req.complete ? reject(error) : req.once('end', () => reject(error)).once('close', () => reject(error))));
      });
      parts.on('error', (error: unknown) => reject(error));
      parts.on('close', () => {
        if (!running) reject(new ImportException(ImportErrorCode.NO_FILE));
      });
      req.pipe(parts);
    });
  }

  private context(req: Request): RequestContext {
    return requestContextFromHttp(req).withActor(actorOf(req.user));
  }

  /** The kind named in the route, after checking that the caller's role may use it. */
  private kind(ctx: RequestContext, name: string): ImportKind {
    const kind = this.kinds.get(name);
    if (!kind) throw new ImportException(ImportErrorCode.UNKNOWN_KIND, { kind: name });
    requireActor(ctx, ...kind.roles);
    return kind;
  }
}
