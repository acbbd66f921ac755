import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MailService } from './mail.service';
import { MailKind, MailStatus } from './mail.types';

/** People handled per run (each in its own short transaction). */
const PEOPLE_PER_RUN = 500;

/** Once a day, in the late afternoon in Italy (UTC). */
export const DAILY_DIGEST_CRON = '0 16 * * *';

/**
 * The daily digest: each person's messages held for it (DIGEST) become one e-mail, and those
 * messages DIGESTED, in one transaction. The digest's key is derived from the first message it
 * gathers, and the messages are locked and moved with it, so a run repeated, or two at once,
 * send each message in one digest only.
 */
@Injectable()
export class MailDigestService {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly mail: MailService,
  ) {}

  /** Sends every digest due now; returns how many digests were recorded. */
  async sendDigests(ctx: RequestContext): Promise<number> {
    const people: { user_id: string }[] = await this.connection
      .manager(ctx)
      .query(`SELECT DISTINCT user_id FROM mail_message WHERE status = 'DIGEST' AND created_at <= $1 AND user_id IS NOT NULL LIMIT ${PEOPLE_PER_RUN}`, [ctx.now]);
    let sent = 0;
    for (const { user_id: userId } of people) sent += await this.digestOf(ctx, userId);
    if (sent > 0) this.logger.log(`daily digests recorded: ${sent}`);
    return sent;
  }

  private digestOf(ctx: RequestContext, userId: string): Promise<number> {
    return this.connection.withTransaction(ctx, async (tx) => {
      // One run at a time per person: a second run waits, then finds the messages already gathered
      // (locking row by row would let two runs split one person's day into two digests).
      await this.connection.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('mail-digest:' || $1))`, [userId]);
      const held: { id: string; subject: string; action_url: string | null }[] = await this.connection.manager(tx).query(
        `SELECT id, subject, action_url FROM mail_message WHERE user_id = $1 AND status = 'DIGEST' AND created_at <= $2
         ORDER BY created_at, id FOR UPDATE`,
        [userId, tx.now],
      );
      if (held.length === 0) return 0;
      const [digestId] = await this.mail.enqueue(tx, [
        {
          idempotencyKey: `digest:${userId}:${held[0].id}`,
          kind: MailKind.DAILY_DIGEST,
          userId,
          values: { count: held.length, items: held.map((row) => ({ subject: row.subject, link: row.action_url })), link: this.mail.link('/notifiche') },
        },
      ]);
      if (!digestId) return 0;
      await this.connection
        .manager(tx)
        .query(`UPDATE mail_message SET status = $1, digest_id = $2, updated_at = $3 WHERE id = ANY($4::uuid[])`, [MailStatus.DIGESTED, digestId, tx.now, held.map((row) => row.id)]);
      return 1;
    });
  }
}
