import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { STAFF_ROLES } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { MailMessageEntity } from './mail-message.entity';
import { MailStatus } from './mail.types';

/** The statuses staff may send again: refused for good, or of unknown outcome. */
export const RESENDABLE: readonly MailStatus[] = [MailStatus.FAILED, MailStatus.UNCERTAIN];

export type ResendOutcome = { kind: 'resent'; mail: MailMessageEntity } | { kind: 'not-resendable'; status: MailStatus } | { kind: 'already-resent'; resentAsId: string } | { kind: 'not-found' };

/**
 * The outgoing mail as staff see it: each message's status, kind, recipient, attempts and failure,
 * never its body; and sending a FAILED or UNCERTAIN one again, as a new message with a new
 * Message-ID (once per message; an UNCERTAIN one may then arrive twice, which staff confirm).
 */
@Injectable()
export class MailOutboxService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, filter: { status?: MailStatus | null }, page: PageRequest): Promise<Page<MailMessageEntity>> {
    requireActor(ctx, ...STAFF_ROLES);
    const [items, total] = await this.connection.repository(ctx, MailMessageEntity).findAndCount({
      where: filter.status ? { status: filter.status } : {},
      // Only what staff need: the bodies stay out of the query.
      select: { id: true, kind: true, recipient: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, resentAsId: true, userId: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.first,
    });
    return toPage(items, total, page);
  }

  async resend(ctx: RequestContext, id: string): Promise<ResendOutcome> {
    requireActor(ctx, ...STAFF_ROLES);
    return this.connection.withTransaction(ctx, async (tx): Promise<ResendOutcome> => {
      const messages = this.connection.repository(tx, MailMessageEntity);
      const original = await messages.createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
      if (!original) return { kind: 'not-found' };
      if (original.resentAsId) return { kind: 'already-resent', resentAsId: original.resentAsId };
      if (!RESENDABLE.includes(original.status)) return { kind: 'not-resendable', status: original.status };
      const copy = await messages.save(
        messages.create({
          id: randomUUID(),
          idempotencyKey: `resend:${original.id}`,
          userId: original.userId,
          recipient: original.recipient,
          kind: original.kind,
          language: original.language,
          subject: original.subject,
          text: original.text,
          html: original.html,
          actionUrl: original.actionUrl,
          status: MailStatus.QUEUED,
          attempts: 0,
          lastError: null,
          messageId: null,
          smtpResponse: null,
          sendingStartedAt: null,
          sentAt: null,
          digestId: null,
          resentAsId: null,
        }),
      );
      await messages.update(original.id, { resentAsId: copy.id });
      await this.jobs.send(tx, JOB.SEND_MAIL, { mailId: copy.id });
      await this.audit.record(tx, {
        action: 'mail.resent',
        entityType: 'mail_message',
        entityId: original.id,
        before: { status: original.status, attempts: original.attempts },
        after: { resentAsId: copy.id },
      });
      return { kind: 'resent', mail: copy };
    });
  }
}
