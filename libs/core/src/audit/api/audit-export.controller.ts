import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { requestContextFromHttp } from '../../api/request-context';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { requireActor } from '../../common/access';
import { actorOf } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { AuditService } from '../audit.service';
import { HttpErrorFilter } from '../../monitoring/api/http-error.filter';
import { csvStringifier } from '../../monitoring/export/csv-format';
import { headerOf } from '../../monitoring/export/export-columns';
import { AUDIT_FROM, auditWhere, AuditSqlParams } from '../audit-query';
import { auditEventWords } from '../audit-words';
import { AUDIT_CSV_COLUMNS, AUDIT_CSV_SELECT } from '../export/audit-csv-columns';
import { AuditExportQuery } from './audit-export.query';

/**
 * `GET /audit/events.csv?entityType=…&action=…&from=…` with the bearer token: the filtered log as
 * CSV (Italian headers unless `lang=en`, cells that would start a formula neutralised), streamed
 * from a database cursor, so the whole log never sits in memory.
 */
@UseFilters(HttpErrorFilter)
@Roles(UserRole.MINISTRY, UserRole.ADMIN)
@Controller('audit')
export class AuditExportController {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /**
   * The filter as the download's own event keeps it: an e-mail address searched for is kept as the
   * account it named (its id, which an erasure leaves without a person behind it), not as the
   * address, which would outlive the account's erasure for as long as the audit trail is kept.
   */
  private async recordedFilter(filter: Omit<AuditExportQuery, 'lang'>): Promise<object> {
    if (!filter.actorEmail) return filter;
    const { actorEmail, ...rest } = filter;
    const [account]: { id: string }[] = await this.connection.dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [actorEmail.trim().toLowerCase()]);
    return { ...rest, actorUserId: account?.id ?? null };
  }

  @Get('events.csv')
  async download(@Query() query: AuditExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = requestContextFromHttp(req).withActor(actorOf(req.user));
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const { lang, ...filter } = query;
    const p = new AuditSqlParams();
    const sql = `SELECT ${AUDIT_CSV_SELECT} FROM ${AUDIT_FROM} ${auditWhere(filter, p)} ORDER BY e.occurred_at DESC, e.id DESC`;
    // The download is itself recorded (before the file is read, so the file shows it too).
    await this.audit.recordDownload(ctx, { entityId: 'audit-events.csv', file: 'audit/events.csv', filter: await this.recordedFilter(filter), lang: lang ?? 'it' });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="vicini-e-connessi-registro-${ctx.now.toISOString().slice(0, 10)}.csv"`);
    const runner = this.connection.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const csv = csvStringifier(headerOf(AUDIT_CSV_COLUMNS, lang ?? 'it'));
      const language = lang ?? 'it';
      const worded = new Transform({
        objectMode: true,
        transform(row: Record<string, unknown>, _encoding, done) {
          done(null, { ...row, action_words: auditEventWords(String(row.action), row.before, row.after)[language] });
        },
      });
      await pipeline(client.query(new QueryStream(sql, p.values, { batchSize: 500 })), worded, csv, res);
    } finally {
      await runner.release();
    }
  }
}
