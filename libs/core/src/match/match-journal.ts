import { Injectable } from '@nestjs/common';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { insertInChunks } from '../common/batch-insert';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { NewMail } from '../mail/mail.commands';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { day } from '../messages';
import { NewNotification, NotificationService } from '../notification/notification.service';
import { reasonWords, suspensionOf, SYSTEM_REASON, systemReasonCode } from './match-reasons';
import { moveMatch } from './match-rules';
import { MatchTransitionEntity } from './match-transition.entity';
import { MatchEntity } from './match.entity';
import { MatchOrigin, MatchState } from './match.types';
import { ACTING_FACILITATOR_OF_SHOP_SQL } from './unclaimed-shop-listener';

/** The two sides of a match and the words notifications need. */
export interface MatchParties {
  /** None while a shop registered by a facilitator waits for its owner to claim it. */
  shopOwnerUserId: string | null;
  /** The shop's account's address, for e-mails (none while the shop is unclaimed). */
  shopOwnerEmail: string | null;
  /** While the shop is unclaimed: the account of the facilitator acting for it (the first to), which hears the shop's news. */
  shopFacilitatorUserId: string | null;
  shopName: string;
  providerOwnerUserId: string;
  /** The provider's account's address, for e-mails. */
  providerOwnerEmail: string;
  providerName: string;
  offerTitle: string;
}

export interface JournalEntry {
  /** The match after the change. */
  match: MatchEntity;
  from: MatchState | null;
  reason?: string | null;
}

type Side = 'SHOP' | 'PROVIDER';

/** The states a waiting match ends in without being served. */
const WAITING_ENDS: readonly MatchState[] = [MatchState.WITHDRAWN, MatchState.EXPIRED];

/** What a step is called (notification kind and audit verb) and who hears of it. */
function describe(entry: JournalEntry, actorSide: Side | null): { kind: string; audience: Side[] } {
  const { match, from } = entry;
  const both: Side[] = ['SHOP', 'PROVIDER'];
  const other: Side[] = actorSide === 'SHOP' ? ['PROVIDER'] : actorSide === 'PROVIDER' ? ['SHOP'] : both;
  if (from === null && match.state === MatchState.PENDING) {
    // A call's place: the call tells the shop itself (CallOutcomes), with the call's name.
    if (match.origin === MatchOrigin.CALL) return { kind: 'MATCH_CALL_ADMITTED', audience: ['PROVIDER'] };
    return match.origin !== MatchOrigin.APPLICATION ? { kind: 'MATCH_ALLOCATED', audience: both } : { kind: 'MATCH_APPLIED', audience: other };
  }
  if (from === null && match.state === MatchState.WAITLISTED) return { kind: 'MATCH_WAITLISTED', audience: other };
  if (from === MatchState.WAITLISTED && match.state === MatchState.PENDING) return { kind: 'MATCH_PROMOTED', audience: both };
  // A call's place released by staff's suspension goes back to the call's ranking: the call tells the shop where it stands (CallOutcomes), not that its request is open again.
  if (match.origin === MatchOrigin.CALL && match.state === MatchState.EXPIRED && suspensionOf(entry.reason) !== null) return { kind: 'MATCH_EXPIRED', audience: other.filter((side) => side !== 'SHOP') };
  return { kind: `MATCH_${match.state}`, audience: other };
}

/**
 * Writes everything that goes with a change of match state, in the caller's transaction: the
 * transition row (who, when, why), the audit event, a notification for the other side, and the
 * help request's status, which the help-request feature derives from its matches. A new
 * application e-mails the provider; an answer, an expiry or a promotion from the waitlist e-mails
 * the shop (each in the language of the account).
 */
@Injectable()
export class MatchJournal {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly requests: HelpRequestRecords,
    private readonly mail: MailService,
  ) {}

  async parties(tx: RequestContext, matchIds: readonly string[]): Promise<Map<string, MatchParties>> {
    if (matchIds.length === 0) return new Map();
    const rows: (MatchParties & { id: string })[] = await this.connection.manager(tx).query(
      `SELECT m.id, s.owner_user_id AS "shopOwnerUserId", su.email AS "shopOwnerEmail", coalesce(s.trading_name, s.legal_name) AS "shopName",
              CASE WHEN s.owner_user_id IS NULL THEN ${ACTING_FACILITATOR_OF_SHOP_SQL} END AS "shopFacilitatorUserId",
              p.owner_user_id AS "providerOwnerUserId", pu.email AS "providerOwnerEmail", p.name AS "providerName", o.title AS "offerTitle"
       FROM match m JOIN shop s ON s.id = m.shop_id JOIN provider p ON p.id = m.provider_id JOIN offer o ON o.id = m.offer_id
            JOIN user_account pu ON pu.id = p.owner_user_id LEFT JOIN user_account su ON su.id = s.owner_user_id
       WHERE m.id = ANY($1::uuid[])`,
      [matchIds],
    );
    return new Map(rows.map(({ id, ...parties }) => [id, parties]));
  }

  async record(tx: RequestContext, entries: readonly JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (!tx.manager) throw new Error('Match changes are recorded inside their transaction');
    // A facilitator acting for a shop acts on the shop's side.
    const shopSide = tx.actor?.role === 'SHOP' || (tx.actor?.role === 'FACILITATOR' && tx.actingForShopId !== undefined);
    const actorSide: Side | null = shopSide ? 'SHOP' : tx.actor?.role === 'PROVIDER' ? 'PROVIDER' : null;
    const parties = await this.parties(tx, entries.map((e) => e.match.id));
    const transitions = entries.map((e) => ({
      matchId: e.match.id,
      fromState: e.from,
      toState: e.match.state,
      occurredAt: tx.now,
      actorUserId: tx.actor?.userId ?? null,
      actorRole: tx.actor?.role ?? null,
      reason: e.reason ?? null,
      requestId: tx.requestId,
    }));
    await insertInChunks(this.connection.repository(tx, MatchTransitionEntity), transitions);
    const notifications: NewNotification[] = [];
    const mails: NewMail[] = [];
    const audits: AuditRecord[] = [];
    for (const entry of entries) {
      const { match } = entry;
      const side = parties.get(match.id);
      if (!side) throw new Error(`match ${match.id} has no parties`);
      const { kind, audience } = describe(entry, actorSide);
      audits.push({
        action: `match.${kind.slice('MATCH_'.length).toLowerCase()}`,
        entityType: 'match',
        entityId: match.id,
        before: entry.from ? { state: entry.from } : null,
        after: { state: match.state, helpRequestId: match.helpRequestId, offerId: match.offerId, reason: entry.reason ?? null },
      });
      const params = {
        offerTitle: side.offerTitle,
        shopName: side.shopName,
        providerName: side.providerName,
        reason: entry.reason ?? null,
        respondBy: match.respondBy ? match.respondBy.toISOString() : null,
        // The state it left: a decline of a place already accepted is told as such.
        from: entry.from,
        // A part of a set: its promotion came with the whole set's.
        setId: match.setId,
      };
      for (const who of audience) {
        // A shop nobody has claimed yet hears its news through the facilitator acting for it, the shop named.
        const forShop = who === 'SHOP' && !side.shopOwnerUserId && side.shopFacilitatorUserId !== null;
        const userId = who === 'SHOP' ? (side.shopOwnerUserId ?? side.shopFacilitatorUserId) : side.providerOwnerUserId;
        // The shop's own words on a match it gave up stay with the shop (shop-disclosure.ts): its provider is told it withdrew, not why.
        const reason = who === 'PROVIDER' && kind === 'MATCH_WITHDRAWN' && systemReasonCode(params.reason) === null ? null : params.reason;
        if (userId) notifications.push({ userId, kind, matchId: match.id, params: { ...params, reason, audience: who, ...(forShop && { via: 'FACILITATOR' }) } });
      }
      // A place held for the provider's answer, by an application or by a promotion from the waitlist: its deadline runs from now.
      if ((kind === 'MATCH_APPLIED' || kind === 'MATCH_PROMOTED' || kind === 'MATCH_CALL_ADMITTED') && audience.includes('PROVIDER')) mails.push(this.applicationMail(match, side));
      const shopMail = audience.includes('SHOP') ? this.shopMail(entry, side) : null;
      if (shopMail) mails.push(shopMail);
    }
    await this.audit.recordMany(tx, audits);
    await this.notifications.notify(tx, notifications);
    await this.mail.enqueue(tx, mails);
    await this.requests.followMatches(tx, [...new Set(entries.map((e) => e.match.helpRequestId))]);
    await this.endWaitingSets(tx, entries);
  }

  /**
   * A set waits as a whole: when one waiting part of a set stops waiting (withdrawn, expired,
   * given up for another offer), its other waiting parts stop too, in the same transaction and
   * the same way, each recorded like any other step. Every path that ends a waiting match passes
   * through here, so none can leave a set half waiting.
   */
  private async endWaitingSets(tx: RequestContext, entries: readonly JournalEntry[]): Promise<void> {
    const ended = entries.filter(({ match, from }) => from === MatchState.WAITLISTED && match.setId !== null && WAITING_ENDS.includes(match.state));
    if (ended.length === 0) return;
    const recorded = new Set(entries.map(({ match }) => match.id));
    const siblings = await this.connection
      .repository(tx, MatchEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.set_id = ANY(:sets::uuid[])', { sets: [...new Set(ended.map(({ match }) => match.setId))] })
      .andWhere(`m.state = 'WAITLISTED'`)
      .orderBy('m.id')
      .getMany();
    const stopping = siblings.filter((sibling) => !recorded.has(sibling.id));
    if (stopping.length === 0) return;
    const how = new Map(ended.map(({ match }) => [match.setId, match.state === MatchState.EXPIRED ? ('expire' as const) : ('withdraw' as const)]));
    const moved = stopping.map((sibling) => moveMatch(sibling, how.get(sibling.setId) ?? 'withdraw', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.SET_PART_ENDED }));
    const saved = await this.connection.repository(tx, MatchEntity).save(moved);
    await this.record(
      tx,
      saved.map((match) => ({ match, from: MatchState.WAITLISTED, reason: SYSTEM_REASON.SET_PART_ENDED })),
    );
  }

  /**
   * What the shop is e-mailed about its match: accepted, declined (with the reason), expired
   * unanswered, or moved from the waitlist into a place. Other steps stay in the notifications.
   */
  private shopMail(entry: JournalEntry, side: MatchParties): NewMail | null {
    const { match, from } = entry;
    // A shop registered on paper and not yet claimed has no account to write to.
    if (!side.shopOwnerUserId || !side.shopOwnerEmail) return null;
    const common = { provider: side.providerName, offer: side.offerTitle, link: this.mail.link(`/la-mia-attivita/servizi/${match.id}`) };
    const to = { userId: side.shopOwnerUserId, recipient: side.shopOwnerEmail };
    const key = (step: string) => `match:${match.id}:${step}:${side.shopOwnerUserId}`;
    if (from === MatchState.PENDING && match.state === MatchState.ACCEPTED) return { ...to, idempotencyKey: key('accepted'), kind: MailKind.MATCH_ACCEPTED, values: common };
    if ((from === MatchState.PENDING || from === MatchState.ACCEPTED) && match.state === MatchState.DECLINED) {
      return { ...to, idempotencyKey: key('declined'), kind: MailKind.MATCH_DECLINED, values: { ...common, reason: reasonWords(entry.reason), gaveBack: from === MatchState.ACCEPTED } };
    }
    if (from === MatchState.PENDING && match.state === MatchState.EXPIRED) {
      const code = systemReasonCode(entry.reason);
      // A disabled account is written to no more; its notifications say what happened, should it be enabled again.
      if (code === SYSTEM_REASON.SHOP_ACCOUNT_DISABLED) return null;
      // The time running out is the provider's silence; anything else freed the place for a reason of the platform's, said in its words.
      const reason = code && code !== SYSTEM_REASON.NO_ANSWER ? reasonWords(entry.reason) : null;
      return { ...to, idempotencyKey: key('expired'), kind: MailKind.MATCH_EXPIRED, values: { ...common, reason } };
    }
    if (from === MatchState.WAITLISTED && match.state === MatchState.PENDING) {
      return { ...to, idempotencyKey: key('promoted'), kind: MailKind.MATCH_PROMOTED, values: { ...common, respondBy: match.respondBy ? day(match.respondBy) : null, set: match.setId !== null } };
    }
    return null;
  }

  /** "New application" to the provider's account, with a link to the application in the web app. */
  private applicationMail(match: MatchEntity, side: MatchParties): NewMail {
    return {
      idempotencyKey: `match:${match.id}:applied:${side.providerOwnerUserId}`,
      kind: MailKind.MATCH_APPLIED,
      userId: side.providerOwnerUserId,
      recipient: side.providerOwnerEmail,
      values: {
        shop: side.shopName,
        offer: side.offerTitle,
        respondBy: match.respondBy ? day(match.respondBy) : null,
        link: this.mail.link(`/organizzazione/candidature/${match.id}`),
      },
    };
  }
}
