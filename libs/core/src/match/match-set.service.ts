import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { explainAll, IneligibilityReason, ServiceCategory } from '@vec/matching';
import { AccountService } from '../auth/account.service';
import { requireShopSide } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestBundleService } from '../help-request/help-request-bundle.service';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import { OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { knownToShops } from '../offer/offer-status';
import { ShopService } from '../shop/shop.service';
import { MatchJournal } from './match-journal';
import { MatchLocks } from './match-locks';
import { MatchEntity } from './match.entity';
import { MatchErrorCode, MatchException } from './match.exception';
import { MatchOrigin, MatchState, OPEN_STATES } from './match.types';
import { MatchOpening, openMatch } from './match-rules';
import { refusedOffers } from './refused-offers';

/** Why one part of a set cannot hold a place: the whole set then holds none. */
export type SetPartFailure =
  | { kind: 'full'; helpRequestId: string; category: ServiceCategory; offerId: string }
  | { kind: 'not-eligible'; helpRequestId: string; category: ServiceCategory; offerId: string; failed: readonly IneligibilityReason[] }
  | { kind: 'not-open'; helpRequestId: string; category: ServiceCategory; status: HelpRequestStatus | 'APPLIED' };

export type ApplySetOutcome =
  /** Every part holds a place (PENDING), or, when a part was full and the shop chose to wait, every part waits (WAITLISTED). */
  | { kind: 'matches'; setId: string; waitlisted: boolean; matches: MatchEntity[] }
  | { kind: 'part-failed'; failure: SetPartFailure }
  | { kind: 'email-not-verified'; email: string };

/**
 * A shop applies a set of offers to its bundle: every part holds a place (PENDING), or none does.
 * When a part's offer is full and the shop chose to wait, every part joins its offer's waitlist
 * (WAITLISTED, holding no place) and the set waits as one: it is promoted only when every part
 * has a place (MatchSetPromotion), and when one part stops waiting the others do too
 * (MatchJournal). The parts share a set id, by which the shop can withdraw them in one step.
 * One transaction; the offers are locked first, in id order (then the shop, then the requests, the
 * order every match change uses), so concurrent sets sharing an offer queue instead of
 * deadlocking, and no offer gives more places than it has. Each part is one match holding one
 * place: an offer serving two parts of the set holds two places.
 */
@Injectable()
export class MatchSetService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
    private readonly bundles: HelpRequestBundleService,
    private readonly data: MatchingData,
    private readonly journal: MatchJournal,
    private readonly locks: MatchLocks,
    private readonly requests: HelpRequestRecords,
    private readonly offers: OfferRecords,
    private readonly config: ConfigService,
    private readonly accounts: AccountService,
  ) {}

  async applyToSet(ctx: RequestContext, input: { bundleId: string; parts: readonly { helpRequestId: string; offerId: string }[]; joinWaitlist?: boolean }): Promise<ApplySetOutcome> {
    requireShopSide(ctx);
    const own = await this.shops.requireOwnShop(ctx);
    const { bundle, requests: bundleRequests } = await this.bundles.get(ctx, input.bundleId, 'input.bundleId');
    if (bundle.shopId !== own.id) throw new MatchException(MatchErrorCode.SET_PART_UNKNOWN, 'input.bundleId');
    input.parts.forEach((part, i) => {
      if (!bundleRequests.some((request) => request.id === part.helpRequestId)) throw new MatchException(MatchErrorCode.SET_PART_UNKNOWN, `input.parts.${i}.helpRequestId`);
      if (input.parts.findIndex((other) => other.helpRequestId === part.helpRequestId) !== i) throw new MatchException(MatchErrorCode.SET_PART_TWICE, `input.parts.${i}.helpRequestId`);
    });
    const unverified = await this.accounts.unverifiedEmail(ctx);
    if (unverified) return { kind: 'email-not-verified', email: unverified };
    return this.connection.withTransaction(ctx, async (tx): Promise<ApplySetOutcome> => {
      const offerIds = [...new Set(input.parts.map((part) => part.offerId))].sort();
      await this.locks.offers(tx, offerIds);
      const offers = new Map<string, OfferEntity>();
      for (const [i, part] of input.parts.entries()) {
        const offer = offers.get(part.offerId) ?? (await this.locks.offer(tx, part.offerId));
        if (!offer || !knownToShops(offer.status, offer.provider?.verificationStatus)) throw new MatchException(MatchErrorCode.SET_OFFER_NOT_FOUND, `input.parts.${i}.offerId`);
        offers.set(offer.id, offer);
      }
      await this.offers.withCoverage(tx, [...offers.values()]);
      const shop = await this.locks.shop(tx, own.id);
      if (!shop) throw new Error(`shop ${own.id} vanished`);
      const locked = new Map((await this.requests.lockMany(tx, input.parts.map((part) => part.helpRequestId))).map((request) => [request.id, request]));
      const open = await this.connection
        .repository(tx, MatchEntity)
        .createQueryBuilder('m')
        .where('m.help_request_id = ANY(:ids::uuid[])', { ids: [...locked.keys()] })
        .andWhere('m.state IN (:...open)', { open: OPEN_STATES })
        .getMany();
      const refusals = tx.manager ? await refusedOffers(tx.manager, [...locked.keys()]) : new Map();
      const context = this.data.context(tx);
      const taken = new Map<string, number>();
      const setId = randomUUID();
      const openings: MatchOpening[] = [];
      let full = false;
      // Judge every part first, counting the places and live matches the earlier parts take; write only if all fit.
      for (const part of input.parts) {
        const request = locked.get(part.helpRequestId);
        if (!request) throw new Error(`request ${part.helpRequestId} vanished`);
        const base = { helpRequestId: request.id, category: request.category };
        if (open.some((match) => match.helpRequestId === request.id)) return { kind: 'part-failed', failure: { kind: 'not-open', ...base, status: 'APPLIED' } };
        if (request.status !== HelpRequestStatus.OPEN) return { kind: 'part-failed', failure: { kind: 'not-open', ...base, status: request.status } };
        const offer = offers.get(part.offerId) as OfferEntity;
        if (refusals.get(request.id)?.has(offer.id)) return { kind: 'part-failed', failure: { kind: 'not-eligible', ...base, offerId: offer.id, failed: [] } };
        const engineRequest = await this.data.engineRequest(tx, request, shop);
        const earlier = openings.length;
        const judged = explainAll(
          { ...engineRequest, shopLiveMatches: { ...engineRequest.shopLiveMatches, total: engineRequest.shopLiveMatches.total + earlier } },
          [toEngineOffer({ ...offer, used: offer.used + (taken.get(offer.id) ?? 0) } as OfferEntity)],
          context,
        );
        const [eligible] = judged.ranked;
        const [waitable] = judged.waitlist;
        if (!eligible && !waitable) {
          return { kind: 'part-failed', failure: { kind: 'not-eligible', ...base, offerId: offer.id, failed: judged.ineligible[0]?.failed ?? [] } };
        }
        if (!eligible && !input.joinWaitlist) return { kind: 'part-failed', failure: { kind: 'full', ...base, offerId: offer.id } };
        full ||= !eligible;
        taken.set(offer.id, (taken.get(offer.id) ?? 0) + 1);
        openings.push({ request, offer, state: MatchState.PENDING, origin: MatchOrigin.APPLICATION, setId, ranked: eligible ?? waitable });
      }
      // A full part makes the whole set wait: no part holds a place the others cannot match.
      const state = full ? MatchState.WAITLISTED : MatchState.PENDING;
      const matches = this.connection.repository(tx, MatchEntity);
      const responseDays = this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS');
      const saved = await matches.save(openings.map((opening) => matches.create(openMatch({ ...opening, state }, tx.now, responseDays))));
      await this.journal.record(tx, saved.map((match) => ({ match, from: null })));
      return { kind: 'matches', setId, waitlisted: full, matches: saved };
    });
  }
}
