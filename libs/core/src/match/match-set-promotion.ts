import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { explainAll, IneligibilityReason, type MatchingContext } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import type { OfferEntity } from '../offer/offer.entity';
import { OfferRecords } from '../offer/offer-records.service';
import { MatchJournal } from './match-journal';
import { MatchLocks } from './match-locks';
import { SYSTEM_REASON } from './match-reasons';
import { moveMatch } from './match-rules';
import { MatchEntity } from './match.entity';
import { MatchState } from './match.types';

export type SetPromotionOutcome =
  /** Every part now holds a place; `onOffer` of them on the offer whose waitlist is being served. */
  | { kind: 'promoted'; parts: number; onOffer: number }
  /** Some part has no place yet (its offer is full, or the shop's limits keep it out for now). */
  | { kind: 'waits' }
  /** Another transaction holds one of the set's other offers: the set keeps its turn for later. */
  | { kind: 'busy' }
  /** A part no longer fits its offer at all: it expired, and with it the whole set. */
  | { kind: 'ended' };

/** Reasons that only mean "not now": the set keeps waiting. */
const NOT_NOW: readonly IneligibilityReason[] = ['FULL', 'SHOP_LIMIT', 'SHOP_CATEGORY_LIMIT'];

/**
 * A waiting set reaches its turn on one offer's waitlist: it is promoted only if every part has
 * a place at once, each part judged by the engine like a single entry, counting the places the
 * earlier parts take (on an offer serving two parts) and the shop's limits. The caller holds the
 * lock of the offer whose waitlist it serves; the set's other offers are locked only if free, so
 * this never waits out of the id order (a set whose other offer is busy keeps its turn: the next
 * promotion or the periodic sweep tries again).
 */
@Injectable()
export class MatchSetPromotion {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly offers: OfferRecords,
    private readonly locks: MatchLocks,
    private readonly requests: HelpRequestRecords,
    private readonly data: MatchingData,
    private readonly journal: MatchJournal,
    private readonly config: ConfigService,
  ) {}

  /** `offer` is locked, with its coverage, and its `used` counts the places promoted so far. */
  async promote(tx: RequestContext, setId: string, offer: OfferEntity, context: MatchingContext): Promise<SetPromotionOutcome> {
    const parts = await this.connection
      .repository(tx, MatchEntity)
      .createQueryBuilder('m')
      .where('m.set_id = :setId', { setId })
      .andWhere(`m.state = 'WAITLISTED'`)
      .orderBy('m.category')
      .addOrderBy('m.id')
      .getMany();
    if (parts.length === 0) return { kind: 'waits' };
    const offers = new Map<string, OfferEntity>([[offer.id, offer]]);
    const others = [...new Set(parts.map((part) => part.offerId))].filter((id) => id !== offer.id).sort();
    for (const id of others) {
      const other = await this.offers.tryLock(tx, id);
      if (!other) return { kind: 'busy' };
      offers.set(id, other);
    }
    await this.offers.withCoverage(
      tx,
      others.map((id) => offers.get(id) as OfferEntity),
    );
    const shop = await this.locks.shop(tx, parts[0].shopId);
    if (!shop) return { kind: 'waits' };
    const taken = new Map<string, number>();
    const placed: { part: MatchEntity; ranked: { coverageLevel: string; distanceKm: number } }[] = [];
    for (const part of parts) {
      const partOffer = offers.get(part.offerId) as OfferEntity;
      const request = await this.requests.load(tx, part.helpRequestId);
      const engineRequest = await this.data.engineRequest(tx, request, shop);
      const judged = explainAll(
        { ...engineRequest, shopLiveMatches: { ...engineRequest.shopLiveMatches, total: engineRequest.shopLiveMatches.total + placed.length } },
        [toEngineOffer({ ...partOffer, used: partOffer.used + (taken.get(partOffer.id) ?? 0) } as OfferEntity)],
        context,
      );
      const [ranked] = judged.ranked;
      if (ranked) {
        taken.set(partOffer.id, (taken.get(partOffer.id) ?? 0) + 1);
        placed.push({ part, ranked });
        continue;
      }
      const failed = judged.waitlist.length > 0 ? ['FULL' as const] : (judged.ineligible[0]?.failed ?? []);
      if (failed.every((reason) => NOT_NOW.includes(reason))) return { kind: 'waits' };
      // This part can never be served by its offer: it expires, and the journal ends the others with it.
      const expired = moveMatch(part, 'expire', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.NO_LONGER_ELIGIBLE });
      await this.connection.repository(tx, MatchEntity).save(expired);
      await this.journal.record(tx, [{ match: expired, from: MatchState.WAITLISTED, reason: `${SYSTEM_REASON.NO_LONGER_ELIGIBLE}: ${failed.join(', ')}` }]);
      return { kind: 'ended' };
    }
    const days = this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS');
    const promoted = placed.map(({ part, ranked }) => moveMatch(part, 'promote', 'SYSTEM', { now: tx.now, responseDays: days, ranked }));
    const saved = await this.connection.repository(tx, MatchEntity).save(promoted);
    await this.journal.record(
      tx,
      saved.map((match) => ({ match, from: MatchState.WAITLISTED })),
    );
    return { kind: 'promoted', parts: saved.length, onOffer: saved.filter((match) => match.offerId === offer.id).length };
  }
}
