import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { reasonWords } from '../match/match-reasons';
import { day } from '../messages';
import { ACTING_FACILITATOR_OF_SHOP_SQL } from '../match/unclaimed-shop-listener';
import { NotificationService } from '../notification/notification.service';

/** A place a call gave: the match that holds it, and what the shop reads of it. */
export interface CallPlaceTaken {
  matchId: string;
  offerTitle: string;
  providerName: string;
  respondBy: Date | null;
}

/** What a call decided for one application. */
export interface CallOutcome {
  shopId: string;
  applicationId: string;
  outcome: 'ADMITTED' | 'PROMOTED' | 'RESERVE' | 'EXCLUDED';
  /** RESERVE: its position in the graduatoria. */
  position?: number | null;
  /** EXCLUDED: why, in the words of who excluded it; RESERVE: the code of why the place it had was released (a suspension), if it had one. */
  reason?: string | null;
  /** ADMITTED and PROMOTED: the place. */
  place?: CallPlaceTaken | null;
  /** RESERVE after a suspension released its place: the match that held it (each release is told once). */
  releasedMatchId?: string | null;
}

/**
 * Tells each applicant what a call decided for it, in the transaction that decided it: a notice in
 * the web app (linked to the place, or to the shop's calls) and an e-mail (`CALL_OUTCOME`, never
 * turned off: it can carry a deadline). A shop registered on paper and not yet claimed has no
 * account: the facilitator acting for it gets the notice, naming the shop, as it does a match's
 * news; no e-mail, as for a match's.
 */
@Injectable()
export class CallOutcomes {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly notifications: NotificationService,
    private readonly mail: MailService,
  ) {}

  async tell(tx: RequestContext, call: { id: string; title: string }, outcomes: readonly CallOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const rows: { id: string; ownerUserId: string | null; facilitatorUserId: string | null; shopName: string }[] = await this.connection.manager(tx).query(
      `SELECT s.id, s.owner_user_id AS "ownerUserId", coalesce(s.trading_name, s.legal_name) AS "shopName",
              CASE WHEN s.owner_user_id IS NULL THEN ${ACTING_FACILITATOR_OF_SHOP_SQL} END AS "facilitatorUserId"
       FROM shop s WHERE s.id = ANY($1::uuid[])`,
      [[...new Set(outcomes.map((o) => o.shopId))]],
    );
    const shops = new Map(rows.map((row) => [row.id, row]));
    const reached = outcomes.flatMap((o) => {
      const shop = shops.get(o.shopId);
      const userId = shop?.ownerUserId ?? shop?.facilitatorUserId;
      return shop && userId ? [{ ...o, userId, forShop: shop.ownerUserId ? null : shop.shopName }] : [];
    });
    const told = reached.filter((o) => o.forShop === null);
    await this.notifications.notify(
      tx,
      reached.map((o) => ({
        userId: o.userId,
        kind: 'CALL_OUTCOME',
        matchId: o.place?.matchId ?? null,
        params: {
          callId: call.id,
          callTitle: call.title,
          outcome: o.outcome,
          position: o.position ?? null,
          reason: o.reason ?? null,
          offerTitle: o.place?.offerTitle ?? null,
          providerName: o.place?.providerName ?? null,
          respondBy: o.place?.respondBy ? o.place.respondBy.toISOString() : null,
          audience: 'SHOP',
          ...(o.forShop !== null && { via: 'FACILITATOR', shopName: o.forShop }),
        },
      })),
    );
    await this.mail.enqueue(
      tx,
      told.map((o) => ({
        idempotencyKey: `call:${call.id}:${o.applicationId}:${o.outcome}:${o.place?.matchId ?? o.releasedMatchId ?? ''}`,
        kind: MailKind.CALL_OUTCOME,
        userId: o.userId,
        values: {
          call: call.title,
          outcome: o.outcome,
          offer: o.place?.offerTitle ?? null,
          provider: o.place?.providerName ?? null,
          respondBy: o.place?.respondBy ? day(o.place.respondBy) : null,
          position: o.position ?? null,
          reason: o.outcome === 'EXCLUDED' ? (o.reason ?? null) : null,
          released: o.outcome === 'RESERVE' ? reasonWords(o.reason) : null,
          link: this.mail.link(o.place ? `/la-mia-attivita/servizi/${o.place.matchId}` : '/la-mia-attivita/bandi'),
        },
      })),
    );
  }
}
