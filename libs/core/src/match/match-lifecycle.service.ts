import { Injectable } from '@nestjs/common';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JobQueue } from '../jobs/job-queue';
import { JOB } from '../jobs/job-names';
import { providerActive } from '../provider/provider-verification';
import { VerificationStatus } from '../provider/provider.types';
import { MatchJournal } from './match-journal';
import { SYSTEM_REASON } from './match-reasons';
import { MatchLocks } from './match-locks';
import { ShopService } from '../shop/shop.service';
import { MatchEntity } from './match.entity';
import { MatchErrorCode, MatchException } from './match.exception';
import { MATCH_TRANSITIONS, MatchAction, MatchState, OPEN_STATES, SLOT_STATES } from './match.types';
import { moveMatch } from './match-rules';

export type MatchStepOutcome =
  | { kind: 'match'; match: MatchEntity }
  | { kind: 'invalid-transition'; current: MatchState }
  | { kind: 'deadline-passed'; respondBy: Date }
  /** A suspended or rejected provider's actions are frozen. */
  | { kind: 'provider-not-approved'; status: VerificationStatus };

export type WithdrawSetOutcome = { kind: 'withdrawn'; matches: MatchEntity[] } | { kind: 'nothing-open' };

type PartyAction = Extract<MatchAction, 'accept' | 'decline' | 'activate' | 'complete' | 'withdraw'>;

/**
 * The steps the two sides take: the provider accepts or declines a PENDING match before its
 * deadline, and may still decline one it accepted that the shop never started; the shop confirms
 * the service ACTIVE, may complete it early, or withdraws. Whenever
 * a slot frees, a promotion job for the offer's waitlist is queued in the same transaction.
 */
@Injectable()
export class MatchLifecycleService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly journal: MatchJournal,
    private readonly locks: MatchLocks,
    private readonly jobs: JobQueue,
    private readonly shops: ShopService,
  ) {}

  async act(ctx: RequestContext, id: string, action: PartyAction, reason?: string): Promise<MatchStepOutcome> {
    const actor = requireActor(ctx, UserRole.SHOP, UserRole.FACILITATOR, UserRole.PROVIDER);
    // A facilitator acts on the shop's side, for the shop it names.
    const side = actor.role === UserRole.PROVIDER ? 'PROVIDER' : 'SHOP';
    const rule = MATCH_TRANSITIONS[action];
    const seen = await this.ownMatch(ctx, id);
    if (!rule.by.includes(side)) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'id');
    return this.connection.withTransaction(ctx, async (tx) => {
      const offer = await this.locks.offer(tx, seen.offerId);
      const current = await this.locks.match(tx, id);
      if (!offer || !current) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'id');
      const providerStatus = offer.provider?.verificationStatus;
      if (side === 'PROVIDER' && providerStatus && !providerActive(providerStatus)) return { kind: 'provider-not-approved', status: providerStatus };
      if (!rule.from.includes(current.state)) return { kind: 'invalid-transition', current: current.state };
      // Past its deadline a held place is the sweep's to release: neither accepted late nor turned into a refusal
      // (a decline keeps the offer from the request for good; an expiry does not).
      if ((action === 'accept' || action === 'decline') && current.state === MatchState.PENDING && current.respondBy && current.respondBy.getTime() < tx.now.getTime()) {
        return { kind: 'deadline-passed', respondBy: current.respondBy };
      }
      const from = current.state;
      const next = moveMatch(current, action, side, { now: tx.now, freePeriodMonths: offer.freePeriodMonths, reason: reason ?? null });
      const saved = await this.connection.repository(tx, MatchEntity).save(next);
      await this.journal.record(tx, [{ match: saved, from, reason }]);
      await this.afterRelease(tx, from, saved);
      return { kind: 'match', match: saved };
    });
  }

  /**
   * The shop gives up a whole set in one step: every part still waiting or in progress is
   * withdrawn (the places it held go to the offers' waitlists); parts already over stay as they
   * are. The offers are locked first, in id order, then the matches.
   */
  async withdrawSet(ctx: RequestContext, setId: string, reason?: string): Promise<WithdrawSetOutcome> {
    requireActor(ctx, UserRole.SHOP, UserRole.FACILITATOR);
    const parts = await this.connection.repository(ctx, MatchEntity).find({ where: { setId }, order: { id: 'ASC' } });
    if (parts.length === 0 || !(await this.shops.actsFor(ctx, parts[0].shopId))) throw new MatchException(MatchErrorCode.SET_NOT_FOUND, 'input.setId');
    return this.connection.withTransaction(ctx, async (tx): Promise<WithdrawSetOutcome> => {
      await this.locks.offers(tx, [...new Set(parts.map((part) => part.offerId))]);
      const entries: { match: MatchEntity; from: MatchState }[] = [];
      for (const part of parts) {
        const current = await this.locks.match(tx, part.id);
        if (!current || !OPEN_STATES.includes(current.state)) continue;
        const from = current.state;
        entries.push({ from, match: moveMatch(current, 'withdraw', 'SHOP', { now: tx.now, reason: reason ?? SYSTEM_REASON.SET_WITHDRAWN }) });
      }
      if (entries.length === 0) return { kind: 'nothing-open' };
      const saved = await this.connection.repository(tx, MatchEntity).save(entries.map(({ match }) => match));
      await this.journal.record(
        tx,
        saved.map((match, i) => ({ match, from: entries[i].from, reason: reason ?? SYSTEM_REASON.SET_WITHDRAWN })),
      );
      for (const [i, match] of saved.entries()) await this.afterRelease(tx, entries[i].from, match);
      return { kind: 'withdrawn', matches: saved };
    });
  }

  /**
   * The shop cancelled its request: its open match (or waitlist place), if any, is withdrawn in
   * the caller's transaction. Called before the request row is locked (lock order).
   */
  async withdrawForCancelledRequest(tx: RequestContext, helpRequestId: string): Promise<void> {
    const open = await this.connection
      .repository(tx, MatchEntity)
      .createQueryBuilder('m')
      .where('m.help_request_id = :id', { id: helpRequestId })
      .andWhere('m.state IN (:...open)', { open: OPEN_STATES })
      .getOne();
    if (!open) return;
    await this.locks.offer(tx, open.offerId);
    const current = await this.locks.match(tx, open.id);
    if (!current || !OPEN_STATES.includes(current.state)) return;
    const from = current.state;
    const saved = await this.connection.repository(tx, MatchEntity).save(moveMatch(current, 'withdraw', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.REQUEST_CANCELLED }));
    await this.journal.record(tx, [{ match: saved, from, reason: SYSTEM_REASON.REQUEST_CANCELLED }]);
    await this.afterRelease(tx, from, saved);
  }

  /** The request holds a waitlist place: the place is for the request's category as it is now. */
  isWaitlisted(tx: RequestContext, helpRequestId: string): Promise<boolean> {
    return this.connection.repository(tx, MatchEntity).existsBy({ helpRequestId, state: MatchState.WAITLISTED });
  }

  /** Queues the waitlist promotion when a step gave a slot back. */
  async afterRelease(tx: RequestContext, from: MatchState, match: MatchEntity): Promise<void> {
    if (SLOT_STATES.includes(from) && !SLOT_STATES.includes(match.state)) {
      await this.jobs.send(tx, JOB.PROMOTE_WAITLIST, { offerId: match.offerId });
    }
  }


  /** The match, if the caller's shop or organisation is one of its sides; otherwise it does not exist. */
  private async ownMatch(ctx: RequestContext, id: string): Promise<MatchEntity> {
    const actor = requireActor(ctx);
    const match = await this.connection.repository(ctx, MatchEntity).findOne({ where: { id }, relations: { shop: true, provider: true } });
    const mine = actor.role === UserRole.PROVIDER ? match?.provider?.ownerUserId === actor.userId : match !== null && (await this.shops.actsFor(ctx, match.shopId));
    if (!match || !mine) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'id');
    return match;
  }
}
