import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { Roles } from '../../auth/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { actorOf, RequestContext } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { CapacityService } from '../capacity.service';
import { BreakdownDimension, TimeBucket } from '../dto/monitoring.inputs';
import { MonitoringScope, SqlParams } from '../monitoring-scope';
import { MonitoringErrorCode, MonitoringException } from '../monitoring.exception';
import { MonitoringService } from '../monitoring.service';
import { UnmetDemandService } from '../unmet-demand.service';
import { csvStringifier } from './csv-format';
import { AGGREGATE_EXPORTS, AggregateExport, EXPORT_NAMES, STREAMED_EXPORTS } from './export-catalogue';
import { ExportQuery } from './export-query';
import { HttpErrorFilter } from './http-error.filter';

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
  ) {}

  /** The names of the exports, for integrators. */
  @Get()
  list(): { exports: string[] } {
    return { exports: EXPORT_NAMES.map((name) => `${name}.csv`) };
  }

  @Get(':file')
  async download(@Param('file') file: string, @Query() query: ExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const name = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (!EXPORT_NAMES.includes(name)) throw new MonitoringException(MonitoringErrorCode.UNKNOWN_EXPORT, 'file');
    const ctx = RequestContext.fromHttp(req).withActor(actorOf(req.user));
    const scope = await this.monitoring.scope(ctx, query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="vicini-e-connessi-${name}-${ctx.now.toISOString().slice(0, 10)}.csv"`);
    const streamed = STREAMED_EXPORTS[name];
    if (streamed) return this.stream(streamed.build.bind(streamed), scope, res);
    const { columns, rows } = await this.aggregate(ctx, name as AggregateExport, query);
    const csv = csvStringifier(columns);
    const done = pipeline(csv, res);
    for (const row of rows) csv.write(row);
    csv.end();
    await done;
  }

  private async stream(build: (scope: MonitoringScope, p: SqlParams) => string, scope: MonitoringScope, res: Response): Promise<void> {
    const p = new SqlParams();
    const sql = build(scope, p);
    const runner = this.connection.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      // The header comes from the query itself, so an empty export is still a well-formed file.
      const { fields } = await client.query({ text: `SELECT * FROM (${sql}) q LIMIT 0`, values: p.values });
      const csv = csvStringifier(fields.map((field) => field.name));
      // A cursor hands the rows over a few hundred at a time, as fast as the client reads them.
      await pipeline(client.query(new QueryStream(sql, p.values, { batchSize: 500 })), csv, res);
    } finally {
      await runner.release();
    }
  }

  private async aggregate(ctx: RequestContext, name: AggregateExport, query: ExportQuery): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
    if (!AGGREGATE_EXPORTS.includes(name)) throw new MonitoringException(MonitoringErrorCode.UNKNOWN_EXPORT, 'file');
    if (name === 'kpis') {
      const kpis = await this.monitoring.kpis(ctx, query);
      const rows = Object.entries(kpis).flatMap(([figure, value]) =>
        value !== null && typeof value === 'object' ? Object.entries(value).map(([key, n]) => ({ figure: `${figure}.${key}`, value: n })) : [{ figure, value }],
      );
      return { columns: ['figure', 'value'], rows };
    }
    if (name.startsWith('breakdown-')) {
      const by = name.slice('breakdown-'.length).toUpperCase() as BreakdownDimension;
      const rows = await this.monitoring.breakdown(ctx, query, by);
      return { columns: ['code', 'name', 'shops', 'requests', 'matchedRequests', 'matchRate', 'activeMatches', 'completedMatches', 'onlineOrdersShare', 'offers', 'capacity', 'used'], rows: rows as unknown as Record<string, unknown>[] };
    }
    if (name.startsWith('timeseries-')) {
      const rows = await this.monitoring.timeSeries(ctx, query, name.endsWith('day') ? TimeBucket.DAY : TimeBucket.WEEK);
      return { columns: ['start', 'requests', 'matches', 'activations'], rows: rows as unknown as Record<string, unknown>[] };
    }
    if (name === 'unmet-demand') {
      const page = await this.unmet.list(ctx, query, ALL);
      return { columns: ['regionCode', 'regionName', 'provinceCode', 'provinceName', 'category', 'coverageGap', 'capacityGap', 'oldestWaitingSince'], rows: page.items as unknown as Record<string, unknown>[] };
    }
    if (name === 'capacity-offers') {
      const page = await this.capacity.byOffer(ctx, query, {}, ALL);
      return {
        columns: ['offerId', 'title', 'providerId', 'providerName', 'status', 'capacity', 'held', 'accepted', 'active', 'completed', 'remaining', 'waitlist', 'freePeriodMonths', 'validUntil', 'validityEndsInDays', 'nextFreePeriodEnd', 'freePeriodEndsInDays'],
        rows: page.items as unknown as Record<string, unknown>[],
      };
    }
    const page = await this.capacity.byProvider(ctx, query, ALL);
    return { columns: ['providerId', 'providerName', 'offers', 'capacity', 'held', 'accepted', 'active', 'completed', 'remaining', 'waitlist'], rows: page.items as unknown as Record<string, unknown>[] };
  }
}
