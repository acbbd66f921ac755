import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { MESSAGES } from '../messages';
import { codeOf, describeFailure, judgeFailure } from './mail-failure';
import { MailMessageEntity } from './mail-message.entity';
import { withoutLinkSecrets } from './link-secrets';
import { MailSettings } from './mail-settings';
import { isAdjustable, MailStatus } from './mail.types';

/**
 * How long an attempt may stay SENDING before it is taken to have stopped half-way. Far above what
 * one attempt can take with the timeouts below (about two minutes at worst).
 */
export const SENDING_STALE_MINUTES = 10;

const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

type Claim = { send: MailMessageEntity } | { done: MailStatus | null };

/**
 * Sends the outbox's e-mails, at most once each. Before a message goes to the SMTP server, its row
 * is committed as SENDING with our Message-ID; only the outcome of that one attempt moves it on
 * (SENT; QUEUED again with a later job on a temporary failure; FAILED on a permanent one). A job
 * that finds a message still SENDING cannot know whether the server took it (the worker may have
 * stopped between sending and recording), so it never sends it again: it looks once more when
 * the attempt is SENDING_STALE_MINUTES old, and then marks it UNCERTAIN for staff. A duplicate
 * is thus impossible; a message lost in that window is visible, not silent.
 */
@Injectable()
export class MailDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jobs: JobQueue,
    private readonly settings: MailSettings,
  ) {}

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** One step for one message, as its job asks; returns where the message stands after it. */
  async deliver(ctx: RequestContext, mailId: string): Promise<MailStatus | null> {
    const claim = await this.claim(ctx, mailId);
    if ('done' in claim) return claim.done;
    const mail = claim.send;
    try {
      const info = await this.smtp().sendMail({
        from: this.settings.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId ?? undefined,
        headers: this.headersOf(mail),
      });
      // Sent: the kept copy loses its links' secrets (link-secrets.ts); a failed one keeps them, for staff to send again.
      await this.finish(ctx, mail.id, {
        status: MailStatus.SENT,
        smtpResponse: String(info.response ?? ''),
        sentAt: ctx.now,
        lastError: null,
        text: withoutLinkSecrets(mail.text),
        html: withoutLinkSecrets(mail.html),
        actionUrl: mail.actionUrl === null ? null : withoutLinkSecrets(mail.actionUrl),
      });
      return MailStatus.SENT;
    } catch (error) {
      return this.failed(ctx, mail, error);
    }
  }

  /** Adjustable kinds carry the one-click unsubscribe of RFC 8058 (the same signed link as the footer's). */
  private headersOf(mail: MailMessageEntity): Record<string, string> {
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
    if (mail.userId && isAdjustable(mail.kind)) {
      headers['List-Unsubscribe'] = `<${this.settings.unsubscribeUrl(mail.userId, mail.kind)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return headers;
  }

  /** Under the row's lock: decides what this job may do, and commits SENDING before any sending. */
  private claim(ctx: RequestContext, mailId: string): Promise<Claim> {
    return this.connection.withTransaction(ctx, async (tx): Promise<Claim> => {
      const repository = this.connection.repository(tx, MailMessageEntity);
      const mail = await repository.createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id: mailId }).getOne();
      if (!mail) return { done: null };
      if (mail.status === MailStatus.SENDING) return { done: await this.foundSending(tx, mail) };
      if (mail.status !== MailStatus.QUEUED) return { done: mail.status };
      const messageId = mail.messageId ?? this.settings.messageIdOf(mail.id);
      if (!this.settings.smtpUrl) {
        await repository.update(mail.id, { status: MailStatus.DEV_MAILBOX, messageId, sentAt: tx.now, sendingStartedAt: tx.now });
        this.logger.log(`e-mail ${mail.id} (${mail.kind}) kept in the development mailbox: npm run cli -- mailbox`);
        return { done: MailStatus.DEV_MAILBOX };
      }
      await repository.update(mail.id, { status: MailStatus.SENDING, messageId, attempts: mail.attempts + 1, sendingStartedAt: tx.now });
      return { send: { ...mail, messageId, attempts: mail.attempts + 1 } };
    });
  }

  /** An attempt under way, or one whose worker stopped: never sent again from here. */
  private async foundSending(tx: RequestContext, mail: MailMessageEntity): Promise<MailStatus> {
    const staleAt = new Date((mail.sendingStartedAt ?? tx.now).getTime() + SENDING_STALE_MINUTES * 60_000);
    if (tx.now >= staleAt) {
      await this.connection.repository(tx, MailMessageEntity).update(mail.id, { status: MailStatus.UNCERTAIN, lastError: MESSAGES.mail.attemptUnfinished(SENDING_STALE_MINUTES).en });
      this.logger.warn(`e-mail ${mail.id} was left SENDING since ${mail.sendingStartedAt?.toISOString()}: UNCERTAIN, not sent again`);
      return MailStatus.UNCERTAIN;
    }
    await this.jobs.send(tx, JOB.SEND_MAIL, { mailId: mail.id }, { startAfter: staleAt });
    return MailStatus.SENDING;
  }

  private async failed(ctx: RequestContext, mail: MailMessageEntity, error: unknown): Promise<MailStatus> {
    const verdict = judgeFailure(error);
    const reason = describeFailure(error);
    if (verdict === 'UNKNOWN') {
      await this.finish(ctx, mail.id, { status: MailStatus.UNCERTAIN, lastError: MESSAGES.mail.outcomeUnknown(reason).en });
      // Reasons stay in the table: an SMTP reply may quote the address, which logs never carry.
      this.logger.warn(`e-mail ${mail.id}: outcome unknown (${codeOf(error)}): UNCERTAIN, not sent again`);
      return MailStatus.UNCERTAIN;
    }
    if (verdict === 'PERMANENT' || mail.attempts >= this.settings.maxAttempts) {
      await this.finish(ctx, mail.id, { status: MailStatus.FAILED, lastError: reason });
      this.logger.warn(`e-mail ${mail.id} FAILED after ${mail.attempts} attempt(s) (${codeOf(error)})`);
      return MailStatus.FAILED;
    }
    const retryAt = new Date(ctx.now.getTime() + this.settings.retrySeconds * 1000 * 2 ** (mail.attempts - 1));
    await this.finish(ctx, mail.id, { status: MailStatus.QUEUED, lastError: reason }, retryAt);
    this.logger.log(`e-mail ${mail.id} refused for now (${codeOf(error)}): attempt ${mail.attempts + 1} at ${retryAt.toISOString()}`);
    return MailStatus.QUEUED;
  }

  /** Records the attempt's outcome, only if the row is still this attempt's (SENDING). */
  private finish(ctx: RequestContext, mailId: string, change: Partial<MailMessageEntity>, retryAt?: Date): Promise<void> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const result = await this.connection.repository(tx, MailMessageEntity).update({ id: mailId, status: MailStatus.SENDING }, change);
      if (retryAt && result.affected) await this.jobs.send(tx, JOB.SEND_MAIL, { mailId }, { startAfter: retryAt });
    });
  }

  private smtp(): Transporter {
    if (!this.transport) this.transport = createTransport({ url: this.settings.smtpUrl, requireTLS: this.settings.smtpRequiresTls, ...SMTP_TIMEOUTS });
    return this.transport;
  }
}
