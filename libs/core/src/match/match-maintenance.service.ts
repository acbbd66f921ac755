import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { explainAll, validityFailures } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { JobQueue } from '../jobs/job-queue';
import { JOB } from '../jobs/job-names';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import { OfferRecords } from '../offer/offer-records.service';
import { MatchJournal } from './match-journal';
import { SYSTEM_REASON } from './match-reasons';
import { MatchLocks } from './match-locks';
import { MatchEntity } from './match.entity';
import { MatchState } from './match.types';
import { WAITLIST_ORDER } from './waitlist-order';
import { loggableError } from '../common/log-safety';
import { moveMatch } from './match-rules';
import { MatchSetPromotion } from './match-set-promotion';

/** Rows handled per transaction by the sweeps: short transactions, bounded memory. */
const BATCH = 200;

/**
 * What the platform does on its own, run by the worker's jobs: holds past their deadline expire,
 * waitlists of ended offers close, finished free periods complete, and freed slots go to the
 * waitlist in priority order (the reminders are MatchReminderService's). Every step is
 * idempotent: run twice, or by two workers at once, it changes each match once (rows are re-read
 * under lock before they change).
 */
@Injectable()
export class MatchMaintenanceService {
  private readonly logger = new Logger('MatchMaintenance');

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly journal: MatchJournal,
    private readonly locks: MatchLocks,
    private readonly data: MatchingData,
    private readonly offers: OfferRecords,
    private readonly requests: HelpRequestRecords,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService,
    private readonly sets: MatchSetPromotion,
  ) {}

  /**
   * PENDING past respondBy → EXPIRED (slot freed, promotion queued); waitlists of ended offers →
   * EXPIRED; places held or waited for by a shop whose owner's account an admin disabled → EXPIRED
   * (nobody can answer for it: the places go to others).
   */
  async expireHolds(ctx: RequestContext): Promise<number> {
    const overdue = await this.sweep(
      ctx,
      `SELECT id, offer_id FROM match WHERE state = 'PENDING' AND respond_by < $1 ORDER BY respond_by, id LIMIT ${BATCH}`,
      (m, now) => m.state === MatchState.PENDING && m.respondBy !== null && m.respondBy < now,
      (m, now) => moveMatch(m, 'expire', 'SYSTEM', { now, reason: SYSTEM_REASON.NO_ANSWER }),
      SYSTEM_REASON.NO_ANSWER,
    );
    const ended = await this.sweep(
      ctx,
      `SELECT m.id, m.offer_id FROM match m JOIN offer o ON o.id = m.offer_id
       WHERE m.state = 'WAITLISTED' AND (o.status = 'CLOSED' OR o.valid_until < $1) ORDER BY m.id LIMIT ${BATCH}`,
      (m) => m.state === MatchState.WAITLISTED,
      (m, now) => moveMatch(m, 'expire', 'SYSTEM', { now, reason: SYSTEM_REASON.OFFER_ENDED }),
      SYSTEM_REASON.OFFER_ENDED,
    );
    const disabled = await this.sweep(
      ctx,
      `SELECT m.id, m.offer_id FROM match m JOIN shop s ON s.id = m.shop_id JOIN user_account u ON u.id = s.owner_user_id
       WHERE m.state IN ('PENDING', 'WAITLISTED') AND u.disabled_at <= $1 ORDER BY m.id LIMIT ${BATCH}`,
      (m) => m.state === MatchState.PENDING || m.state === MatchState.WAITLISTED,
      (m, now) => moveMatch(m, 'expire', 'SYSTEM', { now, reason: SYSTEM_REASON.SHOP_ACCOUNT_DISABLED }),
      SYSTEM_REASON.SHOP_ACCOUNT_DISABLED,
    );
    return overdue + ended + disabled;
  }

  /** ACTIVE whose free period is over → COMPLETED (the slot stays used: the shop was served). */
  async completeEnded(ctx: RequestContext): Promise<number> {
    return this.sweep(
      ctx,
      `SELECT id, offer_id FROM match WHERE state = 'ACTIVE' AND free_until < $1 ORDER BY free_until, id LIMIT ${BATCH}`,
      (m, now) => m.state === MatchState.ACTIVE && m.freeUntil !== null && m.freeUntil < now,
      (m, now) => moveMatch(m, 'complete', 'SYSTEM', { now }),
      SYSTEM_REASON.FREE_PERIOD_ENDED,
    );
  }

  /**
   * Gives the offer's free slots to its waitlist in priority order. An entry the shop's limits
   * keep out for now stays waiting; one that no longer fits the offer at all expires. A part of a
   * waiting set is promoted with all its parts or not at all (MatchSetPromotion); a set that
   * cannot be completed yet does not hold up the entries behind it.
   */
  async promoteWaitlist(ctx: RequestContext, offerId: string): Promise<number> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const offer = await this.locks.offer(tx, offerId);
      if (!offer) return 0;
      await this.offers.withCoverage(tx, [offer]);
      let free = offer.capacity - offer.used;
      if (free <= 0) return 0;
      const context = this.data.context(tx);
      // A paused, not yet started or ended offer, or one of a suspended provider, leaves its
      // waitlist as it is: promoted when the offer is open again, closed with it when it ends.
      if (validityFailures(toEngineOffer(offer), context.now).length > 0) return 0;
      const waiting: MatchEntity[] = await this.connection
        .repository(tx, MatchEntity)
        .createQueryBuilder('w')
        .innerJoin('w.helpRequest', 'wr')
        .where('w.offer_id = :offerId', { offerId })
        .andWhere(`w.state = 'WAITLISTED'`)
        // A shop whose owner's account is disabled is passed over: the expiry sweep closes its place.
        .andWhere(`NOT EXISTS (SELECT 1 FROM shop ws JOIN user_account wu ON wu.id = ws.owner_user_id WHERE ws.id = w.shop_id AND wu.disabled_at IS NOT NULL)`)
        .orderBy(WAITLIST_ORDER[0], 'ASC')
        .addOrderBy(WAITLIST_ORDER[1], 'ASC')
        .addOrderBy(WAITLIST_ORDER[2], 'ASC')
        .getMany();
      const days = this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS');
      let promoted = 0;
      const setsSeen = new Set<string>();
      for (const entry of waiting) {
        if (free === 0) break;
        if (entry.setId) {
          // A set at its turn: all its parts get a place at once, or it keeps waiting (and keeps its turn).
          if (setsSeen.has(entry.setId)) continue;
          setsSeen.add(entry.setId);
          const outcome = await this.sets.promote(tx, entry.setId, offer, context);
          if (outcome.kind === 'promoted') {
            offer.used += outcome.onOffer;
            free -= outcome.onOffer;
            promoted += outcome.parts;
          }
          continue;
        }
        const shop = await this.locks.shop(tx, entry.shopId);
        const request = await this.requests.load(tx, entry.helpRequestId);
        if (!shop) continue;
        const engineRequest = await this.data.engineRequest(tx, request, shop);
        // Judged as if this one free slot were its own: the offer has room by construction.
        const explained = explainAll(engineRequest, [toEngineOffer(offer)], context);
        const [ranked] = explained.ranked;
        const failed = explained.ineligible[0]?.failed ?? [];
        if (!ranked) {
          const onlyLimits = failed.every((reason) => reason === 'SHOP_LIMIT' || reason === 'SHOP_CATEGORY_LIMIT');
          if (onlyLimits) continue;
          const expired = moveMatch(entry, 'expire', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.NO_LONGER_ELIGIBLE });
          await this.connection.repository(tx, MatchEntity).save(expired);
          await this.journal.record(tx, [{ match: expired, from: MatchState.WAITLISTED, reason: `${SYSTEM_REASON.NO_LONGER_ELIGIBLE}: ${failed.join(', ')}` }]);
          continue;
        }
        const next = moveMatch(entry, 'promote', 'SYSTEM', { now: tx.now, responseDays: days, ranked });
        await this.connection.repository(tx, MatchEntity).save(next);
        await this.journal.record(tx, [{ match: next, from: MatchState.WAITLISTED }]);
        offer.used += 1;
        free -= 1;
        promoted += 1;
      }
      return promoted;
    });
  }

  /** Every offer with a free slot and a waitlist: catches capacity raised and offers resumed. */
  async sweepWaitlists(ctx: RequestContext): Promise<number> {
    const rows: { id: string }[] = await this.connection.dataSource.query(
      `SELECT o.id FROM offer o WHERE o.used < o.capacity AND o.status = 'PUBLISHED'
         AND EXISTS (SELECT 1 FROM match w WHERE w.offer_id = o.id AND w.state = 'WAITLISTED') ORDER BY o.id`,
    );
    let promoted = 0;
    for (const { id } of rows) {
      // One offer that cannot be promoted (its transaction rolled back) does not hold up the others.
      try {
        promoted += await this.promoteWaitlist(ctx, id);
      } catch (error) {
        this.logger.error(`waitlist of offer ${id} not promoted: ${loggableError(error).message}`);
      }
    }
    return promoted;
  }

  /**
   * Finds candidates without locks, then changes each under the offer's and the match's lock,
   * re-checking that it still qualifies (another worker may have got there first).
   */
  private async sweep(
    ctx: RequestContext,
    findSql: string,
    stillDue: (match: MatchEntity, now: Date) => boolean,
    change: (match: MatchEntity, now: Date) => MatchEntity,
    reason: string,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const found: { id: string; offer_id: string }[] = await this.connection.dataSource.query(findSql, [ctx.now]);
      if (found.length === 0) return total;
      let changedThisRound = 0;
      for (const { id, offer_id: offerId } of found) {
        changedThisRound += await this.connection.withTransaction(ctx, async (tx) => {
          await this.locks.offer(tx, offerId);
          const match = await this.locks.match(tx, id);
          if (!match || !stillDue(match, tx.now)) return 0;
          const from = match.state;
          const changed = await this.connection.repository(tx, MatchEntity).save(change(match, tx.now));
          await this.journal.record(tx, [{ match: changed, from, reason }]);
          if (from === MatchState.PENDING) await this.jobs.send(tx, JOB.PROMOTE_WAITLIST, { offerId });
          return 1;
        });
      }
      total += changedThisRound;
      // Everything found was taken by another worker: stop rather than spin on the same rows.
      if (changedThisRound === 0) {
        this.logger.debug(`sweep found ${found.length} rows already handled elsewhere`);
        return total;
      }
    }
  }
}
