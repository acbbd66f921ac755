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
import { isAdjustable, MailDelivery, MailKind, MailLanguage, MailStatus } from './mail.types';
import type { MailRecipient } from '../messages';
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
    // Sent to an address rather than an account (an invitation, a claim link): in the language of an account that has the address, if one does.
    const byAddress = await this.languagesOf(tx, mails.flatMap((mail) => (mail.userId || !mail.recipient ? [] : [mail.recipient])));
    const deliveries = await this.preferences.deliveriesOf(tx, userIds);
    for (const mail of mails) {
      const account = mail.userId ? accounts.get(mail.userId) : undefined;
      const delivery = mail.userId && isAdjustable(mail.kind) ? (deliveries.get(`${mail.userId}:${mail.kind}`) ?? MailDelivery.IMMEDIATELY) : MailDelivery.IMMEDIATELY;
      if (delivery === MailDelivery.OFF) continue;
      const recipient = mail.recipient ?? account?.email;
      if (!recipient) throw new Error(`e-mail ${mail.idempotencyKey} has no recipient`);
      const language = mail.language ?? account?.language ?? (mail.userId ? undefined : byAddress.get(recipient.toLowerCase())) ?? DEFAULT_LANGUAGE;
      const unsubscribeUrl = mail.userId && isAdjustable(mail.kind) ? this.settings.unsubscribeUrl(mail.userId, mail.kind) : null;
      const rendered = renderMail(mail.kind, language, mail.values, { ...this.footerLinks(mail), unsubscribeUrl });
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

  /** The languages of the accounts that have these addresses, by address in lower case. */
  private async languagesOf(tx: RequestContext, addresses: readonly string[]): Promise<Map<string, MailLanguage>> {
    if (addresses.length === 0) return new Map();
    const rows: { email: string; language: MailLanguage }[] = await this.connection
      .manager(tx)
      .query('SELECT lower(email) AS email, language FROM user_account WHERE lower(email) = ANY($1::text[])', [[...new Set(addresses.map((a) => a.toLowerCase()))]]);
    return new Map(rows.map((row) => [row.email, row.language]));
  }

  /**
   * The footer: why the recipient gets it, the privacy notice and, for an account, its e-mail
   * preferences (an address an organisation gave may have no account to set them in).
   */
  private footerLinks(mail: NewMail): Omit<MailFooterLinks, 'unsubscribeUrl'> {
    const recipient: MailRecipient = !mail.userId ? 'NAMED_BY_ORGANISATION' : mail.kind === MailKind.EMAIL_CHANGE_CONFIRM ? 'NEW_ADDRESS' : 'ACCOUNT';
    return {
      recipient,
      privacyUrl: this.settings.link(WEB_PAGES.privacy),
      preferencesUrl: recipient === 'NAMED_BY_ORGANISATION' ? null : this.settings.link(WEB_PAGES.preferences),
    };
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
