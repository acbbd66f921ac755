import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { day } from '../messages';
import { NotificationService } from '../notification/notification.service';
import { ShopService } from '../shop/shop.service';

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
  /** EXCLUDED: why, in the words of who excluded it. */
  reason?: string | null;
  /** ADMITTED and PROMOTED: the place. */
  place?: CallPlaceTaken | null;
}

/**
 * Tells each applicant what a call decided for it, in the transaction that decided it: a notice in
 * the web app (linked to the place, or to the shop's calls) and an e-mail (`CALL_OUTCOME`, never
 * turned off: it can carry a deadline). A shop registered on paper and not yet claimed has no
 * account: its facilitator reads the outcome on the call's page.
 */
@Injectable()
export class CallOutcomes {
  constructor(
    private readonly shops: ShopService,
    private readonly notifications: NotificationService,
    private readonly mail: MailService,
  ) {}

  async tell(tx: RequestContext, call: { id: string; title: string }, outcomes: readonly CallOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const owners = new Map((await this.shops.findMany(tx, [...new Set(outcomes.map((o) => o.shopId))])).map((shop) => [shop.id, shop.ownerUserId]));
    const told = outcomes.flatMap((o) => {
      const userId = owners.get(o.shopId);
      return userId ? [{ ...o, userId }] : [];
    });
    await this.notifications.notify(
      tx,
      told.map((o) => ({
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
        },
      })),
    );
    await this.mail.enqueue(
      tx,
      told.map((o) => ({
        idempotencyKey: `call:${call.id}:${o.applicationId}:${o.outcome}:${o.place?.matchId ?? ''}`,
        kind: MailKind.CALL_OUTCOME,
        userId: o.userId,
        values: {
          call: call.title,
          outcome: o.outcome,
          offer: o.place?.offerTitle ?? null,
          provider: o.place?.providerName ?? null,
          respondBy: o.place?.respondBy ? day(o.place.respondBy) : null,
          position: o.position ?? null,
          reason: o.reason ?? null,
          link: this.mail.link(o.place ? `/la-mia-attivita/servizi/${o.place.matchId}` : '/la-mia-attivita/bandi'),
        },
      })),
    );
  }
}
