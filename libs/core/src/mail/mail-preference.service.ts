import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MailPreferenceEntity } from './mail-preference.entity';
import { MailSettings } from './mail-settings';
import { ADJUSTABLE_MAIL_KINDS, isAdjustable, MailDelivery, MailKind } from './mail.types';

/** How a person receives one kind: adjustable kinds as chosen (IMMEDIATELY by default), the others always at once. */
export interface MailPreference {
  kind: MailKind;
  delivery: MailDelivery;
  adjustable: boolean;
}

export type SetPreferenceOutcome = { kind: 'set'; preference: MailPreference } | { kind: 'not-adjustable' };
export type UnsubscribeOutcome = { kind: 'unsubscribed'; mailKind: MailKind } | { kind: 'invalid-link' };

/**
 * Per person and kind: immediately, in a daily digest, or off. Kinds that are not adjustable
 * (verification decisions, the digest, account security) are always sent at once. A signed link
 * in each adjustable e-mail turns its kind off without logging in (RFC 8058 one-click).
 */
@Injectable()
export class MailPreferenceService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly settings: MailSettings,
  ) {}

  /** The signed-in person's choice for every kind they may receive. */
  async mine(ctx: RequestContext): Promise<MailPreference[]> {
    const actor = requireActor(ctx);
    const rows = await this.connection.repository(ctx, MailPreferenceEntity).findBy({ userId: actor.userId });
    const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
    return Object.values(MailKind).map((kind) => ({ kind, delivery: chosen.get(kind) ?? MailDelivery.IMMEDIATELY, adjustable: isAdjustable(kind) }));
  }

  /** The signed-in person chooses how to receive one kind. */
  async setMine(ctx: RequestContext, kind: MailKind, delivery: MailDelivery): Promise<SetPreferenceOutcome> {
    const actor = requireActor(ctx);
    if (!isAdjustable(kind)) return { kind: 'not-adjustable' };
    await this.connection.withTransaction(ctx, (tx) => this.set(tx, actor.userId, kind, delivery));
    return { kind: 'set', preference: { kind, delivery, adjustable: true } };
  }

  /** One-click unsubscribe: the kind named by a link we signed goes OFF for its account; no login. */
  async unsubscribe(ctx: RequestContext, token: string): Promise<UnsubscribeOutcome> {
    const named = this.settings.readUnsubscribeToken(token);
    if (!named || !isAdjustable(named.kind)) return { kind: 'invalid-link' };
    const mailKind = named.kind as MailKind;
    const done = await this.connection.withTransaction(ctx.withActor(undefined), async (tx) => {
      const [account]: { role: UserRole }[] = await this.connection.manager(tx).query('SELECT role FROM user_account WHERE id = $1', [named.userId]);
      if (!account) return false;
      // The link's holder acts for the account it was sent to.
      await this.set(tx.withActor({ userId: named.userId, role: account.role }), named.userId, mailKind, MailDelivery.OFF);
      return true;
    });
    return done ? { kind: 'unsubscribed', mailKind } : { kind: 'invalid-link' };
  }

  /** The deliveries chosen by these accounts, keyed `<user id>:<kind>` (only the rows that exist). */
  async deliveriesOf(tx: RequestContext, userIds: readonly string[]): Promise<Map<string, MailDelivery>> {
    if (userIds.length === 0) return new Map();
    const rows: { user_id: string; kind: string; delivery: MailDelivery }[] = await this.connection
      .manager(tx)
      .query('SELECT user_id, kind, delivery FROM mail_preference WHERE user_id = ANY($1::uuid[]) AND kind = ANY($2::text[])', [[...new Set(userIds)], ADJUSTABLE_MAIL_KINDS]);
    return new Map(rows.map((row) => [`${row.user_id}:${row.kind}`, row.delivery]));
  }

  private async set(tx: RequestContext, userId: string, kind: MailKind, delivery: MailDelivery): Promise<void> {
    const [before]: { delivery: MailDelivery }[] = await this.connection.manager(tx).query('SELECT delivery FROM mail_preference WHERE user_id = $1 AND kind = $2 FOR UPDATE', [userId, kind]);
    const previous = before?.delivery ?? MailDelivery.IMMEDIATELY;
    if (previous === delivery) return;
    await this.connection.repository(tx, MailPreferenceEntity).upsert({ userId, kind, delivery }, ['userId', 'kind']);
    await this.audit.record(tx, { action: 'mail.preference-changed', entityType: 'user', entityId: userId, before: { kind, delivery: previous }, after: { kind, delivery } });
  }
}
