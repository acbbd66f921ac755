import { Injectable } from '@nestjs/common';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { Actor, RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { NotificationService } from '../notification/notification.service';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditEventFilter, AuditPageRequest } from './audit.commands';
import { AUDIT_FROM, auditWhere, AuditSqlParams, ON_BEHALF_SHOP_NAME } from './audit-query';

/**
 * The shop a change was made for, when a facilitator acts for one: only once the shop feature's
 * access check confirmed the delegation in this request (every shop operation goes through it
 * first). The header alone names nothing: the facilitator's own changes are its own.
 */
const actingForShop = (ctx: RequestContext): string | null => (ctx.actor?.role === UserRole.FACILITATOR ? (ctx.actingForShopId ?? null) : null);

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** An event that happened earlier, by someone other than the context's actor (or by no one). */
export interface PastAuditRecord extends AuditRecord {
  occurredAt: Date;
  actor: Actor | null;
}

/** Events per INSERT statement. */
const AUDIT_CHUNK = 5000;

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

  /**
   * A staff download of a CSV file (some hold shops' and owners' details), in a transaction of its
   * own before the file is written: who, which file, with which filter and in which language.
   */
  async recordDownload(ctx: RequestContext, download: { entityId: string; file: string; filter: object; lang: string }): Promise<void> {
    const { entityId, ...after } = download;
    await this.connection.withTransaction(ctx, (tx) => this.record(tx, { action: 'export.downloaded', entityType: 'export', entityId, after: { ...after, filter: { ...after.filter } } }));
  }

  /** Many events of one transaction (an allocation run writes thousands) in a few statements. */
  async recordMany(ctx: RequestContext, events: readonly AuditRecord[]): Promise<void> {
    const actor = ctx.actor ?? null;
    const onBehalfOfShopId = actingForShop(ctx);
    await this.insert(ctx, events.map((event) => ({ ...event, occurredAt: ctx.now, actor })), onBehalfOfShopId);
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

  /**
   * History recorded after the fact (the demo's weeks of programme, an import): each event keeps
   * the time it happened and who acted, none later than the context's "now". Everything else is
   * as for live changes: the caller's transaction, a few statements for thousands of events.
   */
  async recordPast(ctx: RequestContext, events: readonly PastAuditRecord[]): Promise<void> {
    const future = events.find((event) => event.occurredAt > ctx.now);
    if (future) throw new Error(`Audit of ${future.action} dated after now`);
    await this.insert(ctx, events);
  }

  /**
   * One statement per few thousand events: the rows travel as one JSON parameter and PostgreSQL
   * unpacks them, which costs far less than a bound parameter per column and row.
   */
  private async insert(ctx: RequestContext, events: readonly PastAuditRecord[], onBehalfOfShopId: string | null = null): Promise<void> {
    if (!ctx.manager) throw new Error(`Audit of ${events[0]?.action ?? 'nothing'} outside a transaction`);
    const rows = events.map((event) => ({
      occurred_at: event.occurredAt,
      actor_user_id: event.actor?.userId ?? null,
      actor_role: event.actor?.role ?? null,
      request_id: ctx.requestId,
      on_behalf_of_shop_id: onBehalfOfShopId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      before: event.before ?? null,
      after: event.after ?? null,
    }));
    for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
      await ctx.manager.query(
        `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, request_id, on_behalf_of_shop_id, action, entity_type, entity_id, before, after)
         SELECT occurred_at, actor_user_id, actor_role, request_id, on_behalf_of_shop_id, action, entity_type, entity_id, before, after
           FROM jsonb_to_recordset($1::jsonb) AS r(occurred_at timestamptz, actor_user_id uuid, actor_role text, request_id text, on_behalf_of_shop_id uuid,
                                                  action text, entity_type text, entity_id text, before jsonb, after jsonb)`,
        [JSON.stringify(rows.slice(i, i + AUDIT_CHUNK))],
      );
    }
  }

  /**
   * The log for ministry staff, newest first (ties by id), with the acting account's e-mail. Pages
   * by keyset: `after` is the last event of the previous page, so a page costs the same however
   * deep it lies and events appended meanwhile never shift it.
   */
  async list(ctx: RequestContext, filter: AuditEventFilter, page: AuditPageRequest): Promise<AuditPage> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const manager = this.connection.manager(ctx);
    const p = new AuditSqlParams();
    const where = auditWhere(filter, p);
    const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM ${AUDIT_FROM} ${where}`, p.values)) as { total: number }[];
    const keyset = page.after
      ? `${where ? 'AND' : 'WHERE'} (e.occurred_at, e.id) < (SELECT occurred_at, id FROM audit_event WHERE id = ${p.add(page.after)})`
      : '';
    const skip = page.after ? 0 : page.offset;
    const rows = (await manager.query(
      `SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_FROM} ${where} ${keyset}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${p.add(page.first + 1)} OFFSET ${p.add(skip)}`,
      p.values,
    )) as AuditEventRow[];
    const items = rows.slice(0, page.first).map(toAuditEventView);
    const hasNextPage = rows.length > page.first;
    return { items, totalCount: total, hasNextPage, endCursor: items.length ? items[items.length - 1].id : null };
  }
}

/** The columns of the log as the list and the export read them. */
export const AUDIT_COLUMNS = `e.id, e.occurred_at, e.actor_user_id, e.actor_role, u.email AS actor_email, e.request_id, e.action, e.entity_type, e.entity_id, e.before, e.after,
  e.on_behalf_of_shop_id, ${ON_BEHALF_SHOP_NAME} AS on_behalf_of_shop_name`;

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_email: string | null;
  request_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  on_behalf_of_shop_id: string | null;
  on_behalf_of_shop_name: string | null;
}

/** One event as staff read it: the row and the e-mail the acting account has now. */
export interface AuditEventView {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  requestId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The shop a facilitator acted for, when it acted in a shop's name. */
  onBehalfOfShopId: string | null;
  onBehalfOfShopName: string | null;
}

export interface AuditPage extends Page<AuditEventView> {
  /** The last event of this page: pass it as `after` for the next one. */
  endCursor: string | null;
}

const toAuditEventView = (row: AuditEventRow): AuditEventView => ({
  id: String(row.id),
  occurredAt: row.occurred_at,
  actorUserId: row.actor_user_id,
  actorRole: row.actor_role,
  actorEmail: row.actor_email,
  requestId: row.request_id,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before,
  after: row.after,
  onBehalfOfShopId: row.on_behalf_of_shop_id,
  onBehalfOfShopName: row.on_behalf_of_shop_name,
});
