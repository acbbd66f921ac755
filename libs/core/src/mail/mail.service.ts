import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { NewMail } from './mail.commands';
import { MailMessageEntity } from './mail-message.entity';
import { MailSettings } from './mail-settings';
import { DEFAULT_LANGUAGE } from '../auth/user-language';
import { MailPreferenceService } from './mail-preference.service';
import { actionUrlOf, MailFooterLinks, renderMail } from './mail-templates';
import { isAdjustable, MailDelivery, MailLanguage, MailStatus } from './mail.types';
import { WEB_PAGES } from './mail-settings';

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
    private readonly preferences: MailPreferenceService,
  ) {}

  /**
   * Records the e-mails and queues their sending, as each recipient wants the kind: a kind turned
   * off is not recorded, a kind read once a day waits (DIGEST) for the daily digest. A key already
   * recorded is left as it is. Returns the ids recorded now.
   */
  async enqueue(tx: RequestContext, mails: readonly NewMail[]): Promise<string[]> {
    const manager = tx.manager;
    if (!manager) throw new Error('E-mails are recorded inside the transaction of the change that causes them');
    const recorded: string[] = [];
    const userIds = mails.flatMap((mail) => (mail.userId ? [mail.userId] : []));
    const accounts = await this.accountsOf(tx, userIds);
    const deliveries = await this.preferences.deliveriesOf(tx, userIds);
    for (const mail of mails) {
      const account = mail.userId ? accounts.get(mail.userId) : undefined;
      const delivery = mail.userId && isAdjustable(mail.kind) ? (deliveries.get(`${mail.userId}:${mail.kind}`) ?? MailDelivery.IMMEDIATELY) : MailDelivery.IMMEDIATELY;
      if (delivery === MailDelivery.OFF) continue;
      const language = mail.language ?? account?.language ?? DEFAULT_LANGUAGE;
      const recipient = mail.recipient ?? account?.email;
      if (!recipient) throw new Error(`e-mail ${mail.idempotencyKey} has no recipient`);
      const unsubscribeUrl = mail.userId && isAdjustable(mail.kind) ? this.settings.unsubscribeUrl(mail.userId, mail.kind) : null;
      const rendered = renderMail(mail.kind, language, mail.values, { ...this.footerLinks(), unsubscribeUrl });
      const status = delivery === MailDelivery.DAILY_DIGEST ? MailStatus.DIGEST : MailStatus.QUEUED;
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO mail_message (id, idempotency_key, user_id, recipient, kind, language, subject, text, html, action_url, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [randomUUID(), mail.idempotencyKey, mail.userId, recipient, mail.kind, language, rendered.subject, rendered.text, rendered.html, actionUrlOf(mail.kind, mail.values), status, tx.now],
      );
      if (!rows[0]) continue;
      if (status === MailStatus.QUEUED) await this.jobs.send(tx, JOB.SEND_MAIL, { mailId: rows[0].id });
      recorded.push(rows[0].id);
    }
    return recorded;
  }

  /** Each account's address and chosen language (reading the auth feature's table, in the change's transaction). */
  private async accountsOf(tx: RequestContext, userIds: readonly string[]): Promise<Map<string, { email: string; language: MailLanguage }>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; email: string; language: MailLanguage }[] = await this.connection
      .manager(tx)
      .query('SELECT id, email, language FROM user_account WHERE id = ANY($1::uuid[])', [[...new Set(userIds)]]);
    return new Map(rows.map(({ id, ...account }) => [id, account]));
  }

  /** The footer's links: the privacy notice and the e-mail preferences in the web app. */
  private footerLinks(): Omit<MailFooterLinks, 'unsubscribeUrl'> {
    return { privacyUrl: this.settings.link(WEB_PAGES.privacy), preferencesUrl: this.settings.link(WEB_PAGES.preferences) };
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
