import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { AuditService } from '../../audit/audit.service';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { actorOf, RequestContext } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { CapacityService } from '../capacity.service';
import { BreakdownDimension, TimeBucket } from '../monitoring.types';
import { MonitoringScope, SqlParams } from '../monitoring-scope';
import { MonitoringErrorCode, MonitoringException } from '../monitoring.exception';
import { MonitoringService } from '../monitoring.service';
import { UnmetDemandService } from '../unmet-demand.service';
import { csvStringifier, exportFileName } from '../export/csv-format';
import { AGGREGATE_EXPORTS, AggregateExport, columnsOf, EXPORT_NAMES, STREAMED_EXPORTS } from '../export/export-catalogue';
import { ExportColumn, ExportLanguage, headerOf, sourceColumns, withWords } from '../export/export-columns';
import { kpiRows } from '../export/kpi-rows';
import { ExportQuery, headerLanguage } from './export-query';
import { HttpErrorFilter } from './http-error.filter';
import { requestContextFromHttp } from '../../api/request-context';

/** Every row of an aggregate export fits comfortably in memory (at most offers × 1). */
const ALL = { first: 1_000_000, offset: 0 };

/**
 * CSV downloads for ministry staff: `GET /exports/<name>.csv?regionCode=…&from=…` with the
 * bearer token. Raw lists stream from a database cursor straight into the response, so a national
 * export never sits in memory.
 */
@UseFilters(HttpErrorFilter)
@Roles(UserRole.MINISTRY, UserRole.ADMIN)
@Controller('exports')
export class ExportController {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
    private readonly unmet: UnmetDemandService,
    private readonly capacity: CapacityService,
    private readonly audit: AuditService,
  ) {}

  /** The names of the exports and their columns (headers in both languages), for integrators. */
  @Get()
  list(): { exports: string[]; columns: Record<string, readonly ExportColumn[]> } {
    return {
      exports: EXPORT_NAMES.map((name) => `${name}.csv`),
      columns: Object.fromEntries(EXPORT_NAMES.map((name) => [`${name}.csv`, columnsOf(name)])),
    };
  }

  @Get(':file')
  async download(@Param('file') file: string, @Query() query: ExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const name = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (!EXPORT_NAMES.includes(name)) throw new MonitoringException(MonitoringErrorCode.UNKNOWN_EXPORT, 'file');
    const ctx = requestContextFromHttp(req).withActor(actorOf(req.user));
    const { lang, ...filter } = query;
    const language = headerLanguage({ lang });
    const scope = await this.monitoring.scope(ctx, filter);
    const streamed = STREAMED_EXPORTS[name];
    // An aggregate is computed first: a filter it refuses (a period too long for its buckets) downloads nothing, and records nothing.
    const rows = streamed ? [] : await this.aggregate(ctx, name as AggregateExport, filter, language);
    // Who downloaded which file with which filter: some hold shops' and owners' details.
    await this.audit.recordDownload(ctx, { entityId: `${name}.csv`, file: `${name}.csv`, filter, lang: language });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${exportFileName(name, filter, ctx.now)}"`);
    if (streamed) return this.stream(streamed.build.bind(streamed), scope, columnsOf(name), language, res);
    const columns = columnsOf(name);
    const csv = csvStringifier(headerOf(columns, language));
    const done = pipeline(csv, res);
    for (const row of rows) csv.write(withWords(row, columns, language));
    csv.end();
    await done;
  }

  private async stream(
    build: (scope: MonitoringScope, p: SqlParams) => string,
    scope: MonitoringScope,
    columns: readonly ExportColumn[],
    language: ExportLanguage,
    res: Response,
  ): Promise<void> {
    const p = new SqlParams();
    const sql = build(scope, p);
    const runner = this.connection.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      // The documented columns (but those in words) are the query's own, in its order: a column added to one and not the other is a bug.
      const { fields } = await client.query({ text: `SELECT * FROM (${sql}) q LIMIT 0`, values: p.values });
      const returned = fields.map((field) => field.name).join(',');
      if (returned !== sourceColumns(columns).map((column) => column.key).join(',')) throw new Error(`export columns ${returned} are not the documented ones`);
      const csv = csvStringifier(headerOf(columns, language));
      const words = new Transform({ objectMode: true, transform: (row: object, _encoding, done) => done(null, withWords(row, columns, language)) });
      // A cursor hands the rows over a few hundred at a time, as fast as the client reads them.
      await pipeline(client.query(new QueryStream(sql, p.values, { batchSize: 500 })), words, csv, res);
    } finally {
      await runner.release();
    }
  }

  private async aggregate(ctx: RequestContext, name: AggregateExport, query: ExportQuery, language: ExportLanguage): Promise<object[]> {
    if (!AGGREGATE_EXPORTS.includes(name)) throw new MonitoringException(MonitoringErrorCode.UNKNOWN_EXPORT, 'file');
    if (name === 'kpis') return kpiRows(await this.monitoring.kpis(ctx, query), language, Boolean(query.from || query.to));
    if (name.startsWith('breakdown-')) return this.monitoring.breakdown(ctx, query, name.slice('breakdown-'.length).toUpperCase() as BreakdownDimension);
    if (name.startsWith('timeseries-')) return this.monitoring.timeSeries(ctx, query, name.endsWith('day') ? TimeBucket.DAY : TimeBucket.WEEK);
    if (name === 'unmet-demand') return (await this.unmet.list(ctx, query, ALL)).items;
    if (name === 'capacity-offers') return (await this.capacity.byOffer(ctx, query, {}, ALL)).items;
    return (await this.capacity.byProvider(ctx, query, ALL)).items;
  }
}
