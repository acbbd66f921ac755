import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MESSAGES } from '../messages';
import { bindSubject, EXPORT_QUERIES, ExportSubject } from './personal-data-export.queries';
import { EXPORT_SECTIONS, ExportSection } from './personal-data.registry';
import { PrivacyErrorCode, PrivacyException } from './privacy.exception';
import { isUuid } from '../common/uuid';

/** The export's format, for programs that read it. */
export const EXPORT_FORMAT = 'vicini-e-connessi/personal-data-export';
/** 2: `sessions` lists sign-ins, each with its renewals counted, instead of every renewal. */
export const EXPORT_FORMAT_VERSION = 2;

/** What a reason for a staff export needs at least (the person's request, its date, a reference). */
const MIN_REASON_LENGTH = 10;
/** Bytes gathered before they are handed on: a few network packets, never the whole document. */
const CHUNK_BYTES = 64 * 1024;

export interface PersonalDataDocument {
  /** A file name for the download. */
  fileName: string;
  /** The JSON document, piece by piece, read from the database as the consumer asks for more. */
  chunks: AsyncGenerator<string>;
}

/**
 * The right of access and to portability (Art. 15 and 20 GDPR): one JSON document with everything
 * about an account and its shop or organisation, section by section (EXPORT_SECTIONS), with a
 * summary in Italian and English. It is read in one repeatable-read snapshot and streamed through
 * database cursors, so a large organisation's export never sits in memory.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** The signed-in person's own data. */
  async exportOwn(ctx: RequestContext): Promise<PersonalDataDocument> {
    const actor = requireActor(ctx);
    await this.connection.withTransaction(ctx, (tx) =>
      this.audit.record(tx, { action: 'personal_data.exported', entityType: 'user', entityId: actor.userId, after: { requestedBy: 'self' } }),
    );
    return this.document(ctx, actor.userId);
  }

  /** Staff produce the same for a verified request of the person, saying why (audited with the reason). */
  async exportFor(ctx: RequestContext, userId: string, reason: string | undefined): Promise<PersonalDataDocument> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const why = reason?.trim() ?? '';
    if (why.length < MIN_REASON_LENGTH || why.length > 500) throw new PrivacyException(PrivacyErrorCode.EXPORT_REASON_REQUIRED, 'reason');
    const found = isUuid(userId) ? await this.connection.manager(ctx).query(`SELECT id FROM user_account WHERE id = $1`, [userId]) : [];
    if (found.length === 0) throw new PrivacyException(PrivacyErrorCode.ACCOUNT_NOT_FOUND, 'userId');
    await this.connection.withTransaction(ctx, (tx) =>
      this.audit.record(tx, { action: 'personal_data.exported', entityType: 'user', entityId: userId, after: { requestedBy: 'staff', reason: why } }),
    );
    return this.document(ctx, userId);
  }

  private document(ctx: RequestContext, userId: string): PersonalDataDocument {
    return { fileName: `vicini-e-connessi-dati-personali-${ctx.now.toISOString().slice(0, 10)}.json`, chunks: this.write(ctx, userId) };
  }

  private async *write(ctx: RequestContext, userId: string): AsyncGenerator<string> {
    const runner = this.connection.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let buffer = '';
    let open = false;
    try {
      // One snapshot: the counts, the summary and every section agree with each other.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      const subject = await this.subjectOf(client, userId);
      const counts = {} as Record<ExportSection, number>;
      for (const section of EXPORT_SECTIONS) {
        const { text, values } = bindSubject(EXPORT_QUERIES[section].sql, subject);
        const [row] = (await client.query(`SELECT count(*)::int AS n FROM (${text}) q`, values)).rows;
        counts[section] = row.n;
      }
      const summary = MESSAGES.privacy.exportSummary(counts, ctx.now);
      buffer += `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_FORMAT_VERSION},"generatedAt":${JSON.stringify(ctx.now)},`;
      buffer += `"summary":${JSON.stringify({ it: summary.it, en: summary.en })},"counts":${JSON.stringify(counts)}`;
      for (const section of EXPORT_SECTIONS) {
        const query = EXPORT_QUERIES[section];
        const { text, values } = bindSubject(query.sql, subject);
        if (query.single) {
          buffer += `,${JSON.stringify(section)}:${JSON.stringify((await client.query(text, values)).rows[0] ?? null)}`;
          continue;
        }
        buffer += `,${JSON.stringify(section)}:[`;
        let first = true;
        for await (const row of client.query(new QueryStream(text, values, { batchSize: 200 }))) {
          buffer += (first ? '' : ',') + JSON.stringify(query.shape ? query.shape(row, subject, ctx.now) : row);
          first = false;
          if (buffer.length >= CHUNK_BYTES) {
            yield buffer;
            buffer = '';
          }
        }
        buffer += ']';
      }
      yield `${buffer}}\n`;
      await client.query('COMMIT');
      open = false;
    } finally {
      // A consumer that stopped half-way (a closed download) leaves the snapshot open: end it.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private async subjectOf(client: PoolClient, userId: string): Promise<ExportSubject> {
    const { rows } = await client.query(
      `SELECT (SELECT id FROM shop WHERE owner_user_id = $1) AS "shopId", (SELECT id FROM provider WHERE owner_user_id = $1) AS "providerId",
              (SELECT id FROM facilitator WHERE owner_user_id = $1) AS "facilitatorId"`,
      [userId],
    );
    return { user: userId, shop: rows[0].shopId, provider: rows[0].providerId, facilitator: rows[0].facilitatorId };
  }
}
