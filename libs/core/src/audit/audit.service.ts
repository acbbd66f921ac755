import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { insertInChunks } from '../common/batch-insert';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { AuditEventEntity } from './audit-event.entity';
import { NotificationService } from '../notification/notification.service';
import type { AuditEventFilter } from './audit.commands';

/**
 * The shop a change was made for, when a facilitator acts for one. Only a change the shop feature's
 * access check let through names a shop (every shop operation goes through it first).
 */
const actingForShop = (ctx: RequestContext): string | null => (ctx.actor?.role === UserRole.FACILITATOR && ctx.onBehalfOfShopId ? ctx.onBehalfOfShopId : null);

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
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly notifications: NotificationService,
  ) {}

  async record(ctx: RequestContext, event: AuditRecord): Promise<void> {
    await this.recordMany(ctx, [event]);
  }

  /** Many events of one transaction (an allocation run writes thousands) in a few statements. */
  async recordMany(ctx: RequestContext, events: readonly AuditRecord[]): Promise<void> {
    if (!ctx.manager) throw new Error(`Audit of ${events[0]?.action ?? 'nothing'} outside a transaction`);
    const onBehalfOfShopId = actingForShop(ctx);
    const rows = events.map((event) => ({
      occurredAt: ctx.now,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      requestId: ctx.requestId,
      onBehalfOfShopId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: (event.before as Record<string, unknown> | null | undefined) ?? null,
      after: (event.after as Record<string, unknown> | null | undefined) ?? null,
    }));
    // jsonb columns hold arbitrary JSON, which TypeORM's deep-partial type cannot express.
    await insertInChunks(this.connection.repository(ctx, AuditEventEntity), rows as QueryDeepPartialEntity<AuditEventEntity>[]);
    // The shop hears of what was done in its name, in the same transaction.
    if (onBehalfOfShopId && events[0]) await this.notifications.notifyShopOfDelegatedAction(ctx, onBehalfOfShopId, events[0].action);
  }

  /** What facilitators did on behalf of this shop, newest first (the shop's history; the caller checks access). */
  async onBehalfOf(ctx: RequestContext, shopId: string, page: PageRequest): Promise<Page<AuditEventEntity>> {
    const [items, total] = await this.connection
      .repository(ctx, AuditEventEntity)
      .createQueryBuilder('event')
      .where('event.on_behalf_of_shop_id = :shopId', { shopId })
      .orderBy('event.occurredAt', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .skip(page.offset)
      .take(page.first)
      .getManyAndCount();
    return toPage(items, total, page);
  }

  /** The log for ministry staff, newest first; an action ending in a dot matches every verb under it. */
  async list(ctx: RequestContext, filter: AuditEventFilter, page: PageRequest): Promise<Page<AuditEventEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const query = this.connection.repository(ctx, AuditEventEntity).createQueryBuilder('event');
    if (filter.entityType) query.andWhere('event.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('event.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action?.endsWith('.')) query.andWhere('starts_with(event.action, :action)', { action: filter.action });
    else if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
    if (filter.actorUserId) query.andWhere('event.actor_user_id = :actor', { actor: filter.actorUserId });
    if (filter.from) query.andWhere('event.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.occurred_at < :to', { to: filter.to });
    const [items, total] = await query.orderBy('event.occurredAt', 'DESC').addOrderBy('event.id', 'DESC').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }
}
