import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { NewMail } from './mail.commands';
import { MailMessageEntity } from './mail-message.entity';
import { MailSettings } from './mail-settings';
import { renderMail } from './mail-templates';
import { MailStatus } from './mail.types';

/**
 * The outbox: an e-mail is rendered and recorded in the transaction of the change that causes it,
 * with the job that will send it, so it exists exactly when that change commits.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jobs: JobQueue,
    private readonly settings: MailSettings,
  ) {}

  /** Records the e-mails and queues their sending; a key already recorded is left as it is. Returns the ids recorded now. */
  async enqueue(tx: RequestContext, mails: readonly NewMail[]): Promise<string[]> {
    const manager = tx.manager;
    if (!manager) throw new Error('E-mails are recorded inside the transaction of the change that causes them');
    const recorded: string[] = [];
    for (const mail of mails) {
      const rendered = renderMail(mail.kind, mail.language, mail.values);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO mail_message (id, idempotency_key, user_id, recipient, kind, language, subject, text, html, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'QUEUED', $10, $10)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [randomUUID(), mail.idempotencyKey, mail.userId, mail.recipient, mail.kind, mail.language, rendered.subject, rendered.text, rendered.html, tx.now],
      );
      if (!rows[0]) continue;
      await this.jobs.send(tx, JOB.SEND_MAIL, { mailId: rows[0].id });
      recorded.push(rows[0].id);
    }
    return recorded;
  }

  /** A page of the web app, for links in e-mails (APP_URL). */
  link(path: string): string {
    return this.settings.link(path);
  }

  /** The newest messages of the development mailbox (what would have been sent), newest first. */
  async devMailbox(ctx: RequestContext, limit: number): Promise<MailMessageEntity[]> {
    return this.connection.repository(ctx, MailMessageEntity).find({ where: { status: MailStatus.DEV_MAILBOX }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
