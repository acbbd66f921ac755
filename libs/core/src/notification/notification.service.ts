import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { requireActor } from '../common/access';
import { insertInChunks } from '../common/batch-insert';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: string;
  matchId?: string | null;
  params?: Record<string, string | number | null>;
}

/** In-app notifications: written in the transaction of the change they report, read by their owner. */
@Injectable()
export class NotificationService {
  constructor(private readonly connection: TransactionalConnection) {}

  async notify(tx: RequestContext, notifications: readonly NewNotification[]): Promise<void> {
    if (!tx.manager) throw new Error('Notifications are written inside the transaction of the change they report');
    if (notifications.length === 0) return;
    const rows = notifications.map((n) => ({ userId: n.userId, kind: n.kind, matchId: n.matchId ?? null, params: n.params ?? {}, createdAt: tx.now, readAt: null }));
    await insertInChunks(this.connection.repository(tx, NotificationEntity), rows);
  }

  /**
   * Many notifications in one statement, whatever their number, in the context's transaction if it
   * carries one: for what the platform sends on its own account, such as survey reminders.
   */
  async notifyAll(ctx: RequestContext, notifications: readonly NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await this.connection.manager(ctx).query(
      `INSERT INTO notification (user_id, kind, match_id, params, created_at)
       SELECT u, k, m, p, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[]) AS x(u, k, m, p)`,
      [
        notifications.map((n) => n.userId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.matchId ?? null),
        notifications.map((n) => JSON.stringify(n.params ?? {})),
        ctx.now,
      ],
    );
  }

  /**
   * Tells a shop's owner that a facilitator acted on its behalf (what it did, and who), in the
   * change's transaction. Nobody to tell while a shop registered by a facilitator is unclaimed.
   */
  async notifyShopOfDelegatedAction(tx: RequestContext, shopId: string, action: string): Promise<void> {
    await this.connection.manager(tx).query(
      `INSERT INTO notification (user_id, kind, match_id, params, created_at)
       SELECT s.owner_user_id, 'ACTED_ON_BEHALF', NULL, jsonb_build_object('facilitatorName', f.name, 'action', $3::text, 'audience', 'SHOP'), $4::timestamptz
       FROM shop s JOIN facilitator f ON f.owner_user_id = $2
       WHERE s.id = $1 AND s.owner_user_id IS NOT NULL`,
      [shopId, tx.actor?.userId, action, tx.now],
    );
  }

  /** The caller's notifications: unread first, then newest first. */
  async listMine(ctx: RequestContext, unreadOnly: boolean, page: PageRequest): Promise<Page<NotificationEntity>> {
    const actor = requireActor(ctx);
    const query = this.connection.repository(ctx, NotificationEntity).createQueryBuilder('n').where('n.user_id = :user', { user: actor.userId });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    const [items, total] = await query
      .orderBy('n.read_at IS NULL', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(page.offset)
      .take(page.first)
      .getManyAndCount();
    return toPage(items, total, page);
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const actor = requireActor(ctx);
    return this.connection.repository(ctx, NotificationEntity).countBy({ userId: actor.userId, readAt: IsNull() });
  }

  /** Marks some (or, without ids, all) of the caller's notifications read; returns how many changed. */
  async markRead(ctx: RequestContext, ids: readonly string[] | undefined): Promise<number> {
    const actor = requireActor(ctx);
    const where = { userId: actor.userId, readAt: IsNull(), ...(ids && { id: In([...ids]) }) };
    const result = await this.connection.repository(ctx, NotificationEntity).update(where, { readAt: ctx.now });
    return result.affected ?? 0;
  }
}
