import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Appends audit events in the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly connection: TransactionalConnection) {}

  async record(ctx: RequestContext, event: AuditRecord): Promise<void> {
    if (!ctx.manager) throw new Error(`Audit of ${event.action} outside a transaction`);
    await this.connection.repository(ctx, AuditEventEntity).save(
      Object.assign(new AuditEventEntity(), {
      occurredAt: ctx.now,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      requestId: ctx.requestId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: (event.before as Record<string, unknown> | null | undefined) ?? null,
      after: (event.after as Record<string, unknown> | null | undefined) ?? null,
      }),
    );
  }
}
