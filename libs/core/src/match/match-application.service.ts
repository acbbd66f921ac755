import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { explainAll, IneligibilityReason } from '@vec/matching';
import { AccountService } from '../auth/account.service';
import { requireShopSide } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { HelpRequestErrorCode, HelpRequestException } from '../help-request/help-request.exception';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { MatchingData } from '../matching/matching-data';
import { OfferRecords } from '../offer/offer-records.service';
import { OfferErrorCode, OfferException } from '../offer/offer.exception';
import { knownToShops } from '../offer/offer-status';
import { ShopService } from '../shop/shop.service';
import { MatchJournal } from './match-journal';
import { MatchLocks } from './match-locks';
import { Refusal, refusedOffers } from './refused-offers';
import { MatchEntity } from './match.entity';
import { MatchOrigin, MatchState, OPEN_STATES } from './match.types';
import { MatchOpening, openMatch } from './match-rules';

export type ApplyOutcome =
  | { kind: 'match'; match: MatchEntity }
  | { kind: 'not-eligible'; failed: readonly IneligibilityReason[] }
  | { kind: 'full' }
  | { kind: 'already-applied'; match: MatchEntity }
  | { kind: 'request-not-open'; status: HelpRequestStatus }
  | { kind: 'previously-refused'; refusal: Refusal }
  /** Applying waits until the account's e-mail address is verified. */
  | { kind: 'email-not-verified'; email: string };


/**
 * A shop applies one of its open requests to an offer. The offer row is locked first, so of any
 * number of simultaneous applications exactly as many get a PENDING hold as there are free
 * slots; the others join the waitlist (or are told it is full). A trigger keeps `offer.used`
 * equal to the slot-holding rows and the CHECK used <= capacity backs this in the database.
 */
@Injectable()
export class MatchApplicationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
    private readonly data: MatchingData,
    private readonly journal: MatchJournal,
    private readonly locks: MatchLocks,
    private readonly requests: HelpRequestRecords,
    private readonly offers: OfferRecords,
    private readonly config: ConfigService,
    private readonly accounts: AccountService,
  ) {}

  async apply(ctx: RequestContext, input: { helpRequestId: string; offerId: string; joinWaitlist: boolean; askAgain?: boolean }): Promise<ApplyOutcome> {
    requireShopSide(ctx);
    const own = await this.shops.requireOwnShop(ctx);
    const unverified = await this.accounts.unverifiedEmail(ctx);
    if (unverified) return { kind: 'email-not-verified', email: unverified };
    return this.connection.withTransaction(ctx, async (tx) => {
      const offer = await this.locks.offer(tx, input.offerId);
      // Offers shops cannot see do not exist for them.
      if (!offer || !knownToShops(offer.status, offer.provider?.verificationStatus)) {
        throw new OfferException(OfferErrorCode.OFFER_NOT_FOUND, 'input.offerId');
      }
      const shop = await this.locks.shop(tx, own.id);
      if (!shop) throw new Error(`shop ${own.id} vanished`);
      const request = await this.requests.lockOfShop(tx, input.helpRequestId, shop.id);
      if (!request) throw new HelpRequestException(HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, 'input.helpRequestId');
      const existing = await this.connection
        .repository(tx, MatchEntity)
        .createQueryBuilder('m')
        .where('m.help_request_id = :id', { id: request.id })
        .andWhere('m.state IN (:...open)', { open: OPEN_STATES })
        .getOne();
      if (existing) return { kind: 'already-applied', match: existing };
      if (request.status !== HelpRequestStatus.OPEN) return { kind: 'request-not-open', status: request.status };
      // An offer the request refused comes back only when the shop says it is asking again.
      const refusal = tx.manager && (await refusedOffers(tx.manager, [request.id])).get(request.id)?.get(offer.id);
      if (refusal && !input.askAgain) return { kind: 'previously-refused', refusal };

      await this.offers.withCoverage(tx, [offer]);
      const engineRequest = await this.data.engineRequest(tx, request, shop);
      const explained = explainAll(engineRequest, [toEngineOffer(offer)], this.data.context(tx));
      const [eligible] = explained.ranked;
      const [waitlistable] = explained.waitlist;
      if (!eligible && !waitlistable) return { kind: 'not-eligible', failed: explained.ineligible[0]?.failed ?? [] };
      if (!eligible && !input.joinWaitlist) return { kind: 'full' };

      const opening: MatchOpening = { request, offer, state: eligible ? MatchState.PENDING : MatchState.WAITLISTED, origin: MatchOrigin.APPLICATION, ranked: eligible ?? waitlistable };
      const matches = this.connection.repository(tx, MatchEntity);
      const match = await matches.save(matches.create(openMatch(opening, tx.now, this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS'))));
      await this.journal.record(tx, [{ match, from: null }]);
      return { kind: 'match', match };
    });
  }
}
