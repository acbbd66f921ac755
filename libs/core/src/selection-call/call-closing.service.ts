import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { admitInRankOrder, offerReachLevel, rankApplicants, type AdmissionCandidate, type AtecoSection, type CoverageMatch, type RankedApplicant, type ServiceCategory } from '@vec/matching';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MatchCallService, type CallPlace, type Suspension } from '../match/match-call.service';
import { MatchLocks } from '../match/match-locks';
import { MatchState } from '../match/match.types';
import { OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { ShopService } from '../shop/shop.service';
import { CallApplicationEntity } from './call-application.entity';
import { type CallOutcome, CallOutcomes, type CallPlaceTaken } from './call-outcomes';
import { engineCriteria, engineTieBreak, rankingApplicant } from './call-ranking';
import { SelectionCallEntity } from './selection-call.entity';
import { SelectionCallErrorCode, SelectionCallException } from './selection-call.exception';
import { SelectionCallService } from './selection-call.service';
import { CallPublisherService } from './call-publisher.service';
import { CallApplicationStatus, CallReserveReason, SelectionCallStatus } from './selection-call.types';
import { reserveReasonOf, SHOP_LIMIT } from './reserve-reasons';

export type CloseCallOutcome =
  | { kind: 'call'; call: SelectionCallEntity }
  | { kind: 'draft' }
  /** `opensAt` while applications have not opened yet, else null. */
  | { kind: 'window-open'; closesAt: Date; opensAt: Date | null };

/** A place the admission gave: its match and offer, and what the shop is told of it. */
type AdmittedPlace = CallPlaceTaken & { offerId: string };

/** What an admission decided: the places given, and why each candidate it looked at and passed over waits. */
interface Admission {
  admitted: Map<string, AdmittedPlace>;
  waiting: Map<string, CallReserveReason>;
}

/**
 * Match states in which an admitted shop's place has ended: its place goes to the reserve list when
 * it ended before the service started (never active). A service that ran and was given up later
 * served the shop: its application stays admitted and the place is not given again.
 */
const LAPSED_STATES: readonly MatchState[] = [MatchState.DECLINED, MatchState.WITHDRAWN, MatchState.EXPIRED];

/** Why a shop in the ranking cannot take a place now (stored nowhere: recomputed at each admission). */

/**
 * The closing of a call and what follows it. At the end of the window (the sweep job, or staff)
 * the applications still in are ranked by the pure engine with the published criteria, tie-break
 * and draw seed; in rank order, shops take places on the call's offers (a held place, through the
 * match feature) up to the call's places and the offers' free places; the rest wait in reserve,
 * in rank order. Closing twice changes nothing. When an admitted shop's place ends before the
 * service starts, its application LAPSES and the first in reserve who can take a place gets it.
 */
@Injectable()
export class CallClosingService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly calls: SelectionCallService,
    private readonly offers: OfferRecords,
    private readonly locks: MatchLocks,
    private readonly matches: MatchCallService,
    private readonly audit: AuditService,
    private readonly config: ConfigService,
    private readonly publishers: CallPublisherService,
    private readonly shops: ShopService,
    private readonly outcomes: CallOutcomes,
  ) {}

  /** Staff, or the organisation running the call, close it once its window has ended (the sweep would within a minute). */
  async close(ctx: RequestContext, callId: string): Promise<CloseCallOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    await this.publishers.requireRunner(ctx, await this.calls.get(ctx, callId));
    return this.closeOne(ctx, callId);
  }

  /** The sweep: closes every OPEN call whose window has ended, then fills places freed since. Returns how many calls changed. */
  async sweep(ctx: RequestContext): Promise<number> {
    const due: { id: string }[] = await this.connection.manager(ctx).query(
      `SELECT id FROM selection_call WHERE status = 'OPEN' AND closes_at <= $1 ORDER BY closes_at, id`,
      [ctx.now],
    );
    for (const { id } of due) await this.closeOne(ctx, id);
    const freed: { call_id: string }[] = await this.connection.manager(ctx).query(
      `SELECT DISTINCT a.call_id FROM call_application a JOIN match m ON m.id = a.match_id
       WHERE a.status = 'ADMITTED' AND m.state = ANY($1::match_state[]) AND m.activated_at IS NULL ORDER BY a.call_id`,
      [LAPSED_STATES],
    );
    // Places never given because those ranked first could not take one then (their live services), or
    // because the call's offers had no free place (paused, suspended, or their capacity given elsewhere): once a
    // service of theirs ends, or an offer of the call has room again, the reserve list is read again.
    const unfilled: { id: string }[] = await this.connection.manager(ctx).query(
      `SELECT c.id FROM selection_call c
        WHERE c.status = 'CLOSED' AND NOT c.id = ANY($1::uuid[])
          AND c.places > (SELECT count(*) FROM call_application a WHERE a.call_id = c.id AND a.status = 'ADMITTED')
          AND (EXISTS (SELECT 1 FROM call_application a WHERE a.call_id = c.id AND a.status = 'RESERVE' AND a.reserve_reason IN ('SHOP_LIMIT', 'CATEGORY_HELD'))
            OR (EXISTS (SELECT 1 FROM call_application a WHERE a.call_id = c.id AND a.status = 'RESERVE' AND a.reserve_reason IN ('NO_PLACE_LEFT', 'OFFER_SUSPENDED'))
              AND EXISTS (SELECT 1 FROM selection_call_offer so JOIN offer o ON o.id = so.offer_id
                           WHERE so.call_id = c.id AND o.status = 'PUBLISHED' AND o.used < o.capacity)))
        ORDER BY c.id`,
      [freed.map((f) => f.call_id)],
    );
    for (const { call_id } of freed) await this.refill(ctx, call_id);
    for (const { id } of unfilled) await this.refill(ctx, id);
    return due.length + freed.length;
  }

  private async closeOne(ctx: RequestContext, callId: string): Promise<CloseCallOutcome> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const call = await this.lockCall(tx, callId);
      if (call.status === SelectionCallStatus.CLOSED) return { kind: 'call', call };
      if (call.status === SelectionCallStatus.DRAFT) return { kind: 'draft' };
      if (call.closesAt.getTime() > tx.now.getTime()) return { kind: 'window-open', closesAt: call.closesAt, opensAt: call.opensAt.getTime() > tx.now.getTime() ? call.opensAt : null };

      // Only what the ranking and the admission read: a national call has tens of thousands.
      const applications = await this.connection.repository(tx, CallApplicationEntity).find({
        select: { id: true, shopId: true, employees: true, comuneCode: true, provinceCode: true, regionCode: true, atecoSection: true, atecoDivision: true, answers: true, submittedAt: true },
        where: { callId, status: CallApplicationStatus.SUBMITTED },
      });
      const ranked = rankApplicants(
        applications.map((a) => rankingApplicant(call, a)),
        engineCriteria(call),
        engineTieBreak(call),
      );
      const byId = new Map(applications.map((a) => [a.id, a]));
      const inOrder = ranked.map((r) => byId.get(r.id) as CallApplicationEntity);
      const { admitted, waiting } = await this.admit(tx, call, inOrder, call.places);

      await this.writeRanking(tx, ranked, admitted, waiting);
      await this.connection.repository(tx, SelectionCallEntity).update({ id: callId }, { status: SelectionCallStatus.CLOSED, closedAt: tx.now });
      await this.audit.record(tx, {
        action: 'selection_call.closed',
        entityType: 'selection_call',
        entityId: callId,
        after: { applicants: ranked.length, admitted: admitted.size, reserve: ranked.length - admitted.size },
      });
      await this.recordAdmissions(tx, admitted, 'call_application.admitted');
      // Everyone ranked hears the outcome: a place, or the reserve list at its position.
      await this.outcomes.tell(
        tx,
        call,
        ranked.map((r) => {
          const shopId = (byId.get(r.id) as CallApplicationEntity).shopId;
          const place = admitted.get(r.id);
          return place ? { shopId, applicationId: r.id, outcome: 'ADMITTED' as const, place } : { shopId, applicationId: r.id, outcome: 'RESERVE' as const, position: r.position };
        }),
      );
      return { kind: 'call', call: await this.connection.repository(tx, SelectionCallEntity).findOneByOrFail({ id: callId }) };
    });
  }

  /**
   * Admitted applications whose place ended LAPSE; their places, and any never given, go to the
   * reserve list in rank order, to those who can take one now. A place ended because staff
   * suspended its offer or provider is no lapse of the shop's: its application goes back to the
   * reserve list at its position, so the ranking gives it a place again before those below it.
   */
  private async refill(ctx: RequestContext, callId: string): Promise<void> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const call = await this.lockCall(tx, callId);
      const applications = this.connection.repository(tx, CallApplicationEntity);
      const holding = await applications.find({ where: { callId, status: CallApplicationStatus.ADMITTED }, lock: { mode: 'pessimistic_write' } });
      const states = await this.matches.states(tx, holding.map((a) => a.matchId as string));
      const ended = holding.filter((a) => {
        const match = states.get(a.matchId as string);
        return match !== undefined && !match.started && LAPSED_STATES.includes(match.state);
      });
      const released = ended.filter((a) => states.get(a.matchId as string)?.suspended);
      const lapsed = ended.filter((a) => !released.includes(a));
      if (holding.length - ended.length >= call.places) return;
      await this.returnToReserve(tx, call, released, states);
      if (lapsed.length > 0) {
        await applications.update(lapsed.map((a) => a.id), { status: CallApplicationStatus.LAPSED });
        await this.audit.recordMany(
          tx,
          lapsed.map((a) => ({ action: 'call_application.lapsed', entityType: 'call_application', entityId: a.id, before: { status: a.status, matchId: a.matchId }, after: { matchState: states.get(a.matchId as string)?.state } })),
        );
      }
      const reserve = await applications.find({ where: { callId, status: CallApplicationStatus.RESERVE }, order: { position: 'ASC' } });
      const { admitted, waiting } = await this.admit(tx, call, reserve, call.places - (holding.length - ended.length));
      for (const [id, { matchId }] of admitted) await applications.update({ id }, { status: CallApplicationStatus.ADMITTED, matchId, admittedAt: tx.now, reserveReason: null });
      // Those passed over again may wait for another reason now (a service of theirs ended, or began).
      await this.writeReserveReasons(tx, waiting);
      await this.recordAdmissions(tx, admitted, 'call_application.promoted');
      const shopOf = new Map(reserve.map((a) => [a.id, a.shopId]));
      // A released shop given a place again at once hears of the place alone; the others, that they wait in reserve.
      await this.outcomes.tell(tx, call, [
        ...this.releasedOutcomes(released.filter((a) => !admitted.has(a.id)), states),
        ...[...admitted].map(([id, place]) => ({ shopId: shopOf.get(id) as string, applicationId: id, outcome: 'PROMOTED' as const, place })),
      ]);
    });
  }

  /**
   * Gives up to `places` places to `candidates` (in rank order) on the call's offers valid now, as
   * the engine's admitInRankOrder decides, and opens their matches. Locks offers, then shops (the
   * platform's lock order).
   */
  private async admit(tx: RequestContext, call: SelectionCallEntity, candidates: readonly CallApplicationEntity[], places: number): Promise<Admission> {
    const admitted = new Map<string, AdmittedPlace>();
    if (places <= 0 || candidates.length === 0) return { admitted, waiting: new Map() };
    const valid = new Set(await this.offers.validIds(tx));
    const offerIds = (await this.calls.offerIds(tx, call.id)).filter((id) => valid.has(id));
    await this.locks.offers(tx, offerIds);
    const offers = await this.offers.forMatching(tx, offerIds);
    const free = Object.fromEntries(offers.map((o) => [o.id, o.capacity - o.used]));
    // An offer's own coverage and sectors hold for call places too: a call's territory does not widen them.
    const reaches = new Map(offers.map((o) => [o.id, offerReachLevel(toEngineOffer(o))]));
    const limit = this.config.getOrThrow<number>('MAX_LIVE_MATCHES_PER_SHOP');

    // Only the shops the admission reaches are locked and read: the first ranks, twice the places
    // at first, more while blocked ones leave places unfilled. Everyone below waits in reserve.
    // A wider reach locks more shops after the first ones: a deadlock with another transaction
    // is then possible in principle, and is retried like every other (TransactionalConnection).
    let reach = Math.min(candidates.length, Math.max(2 * places, 1));
    let live = new Map<string, Set<ServiceCategory>>();
    let result: ReturnType<typeof admitInRankOrder> | undefined;
    // Each shop's point, read once however often the reach widens.
    const points = new Map<string, { latitude: number; longitude: number }>();
    const categoryFor = (candidate: CallApplicationEntity, offer: OfferEntity): ServiceCategory | undefined =>
      offer.categories.find((category) => !live.get(candidate.shopId)?.has(category));
    // How the offer reaches the place and sector the shop applied with (as the ranking reads them), at the shop's point; null when it does not.
    const reachOf = (candidate: CallApplicationEntity, offer: OfferEntity): CoverageMatch | null => {
      const point = points.get(candidate.shopId);
      if (!point) return null;
      const location = { comuneCode: candidate.comuneCode, provinceCode: candidate.provinceCode, regionCode: candidate.regionCode, latitude: point.latitude, longitude: point.longitude };
      return reaches.get(offer.id)?.({ location, sector: { section: candidate.atecoSection as AtecoSection, division: candidate.atecoDivision } }) ?? null;
    };
    const reachedBy = (candidate: CallApplicationEntity, offer: OfferEntity): boolean => reachOf(candidate, offer) !== null;
    for (;;) {
      const reached = candidates.slice(0, reach);
      const shopIds = [...new Set(reached.map((c) => c.shopId))];
      await this.locks.shops(tx, [...shopIds].sort());
      live = new Map((await this.matches.liveOfShops(tx, shopIds)).map((l) => [l.shopId, new Set(l.categories)]));
      for (const shop of await this.shops.findMany(tx, shopIds.filter((id) => !points.has(id)))) points.set(shop.id, shop);
      const engineCandidates: AdmissionCandidate[] = reached.map((candidate) => ({
        id: candidate.id,
        offerIds: offers.filter((offer) => categoryFor(candidate, offer) && reachedBy(candidate, offer)).map((offer) => offer.id),
        blockedBy: (live.get(candidate.shopId)?.size ?? 0) >= limit ? [SHOP_LIMIT] : [],
      }));
      result = admitInRankOrder(engineCandidates, places, free);
      const noRoomLeft = Object.values(result.freeAfter).every((left) => left <= 0);
      if (result.admitted.length >= places || noRoomLeft || reach >= candidates.length) break;
      reach = Math.min(candidates.length, reach * 2);
    }

    if (!result) throw new Error('the admission never ran');
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const waiting = new Map(
      result.waiting.map((w) => [w.id, reserveReasonOf(w, offers.filter((offer) => reachedBy(byId.get(w.id) as CallApplicationEntity, offer)).length, offers.length)]),
    );
    const offerById = new Map(offers.map((o) => [o.id, o]));
    const chosen = result.admitted.map(({ id, offerId }) => {
      const candidate = byId.get(id) as CallApplicationEntity;
      const offer = offerById.get(offerId) as OfferEntity;
      return { candidate, offer, category: categoryFor(candidate, offer) as ServiceCategory, reach: reachOf(candidate, offer) as CoverageMatch };
    });
    const opened = await this.matches.openForCall(
      tx,
      call.id,
      chosen.map(({ candidate, offer, category, reach }): CallPlace => ({ shopId: candidate.shopId, offer, category, description: call.title, reach })),
    );
    chosen.forEach(({ candidate, offer }, index) =>
      admitted.set(candidate.id, { matchId: opened[index].id, offerId: offer.id, offerTitle: offer.title, providerName: offer.provider?.name ?? '', respondBy: opened[index].respondBy }),
    );
    return { admitted, waiting };
  }

  /**
   * Every ranked application's score, position and outcome, in one statement whatever their number;
   * those the admission did not look at wait because the places went to those ranked above.
   */
  private async writeRanking(tx: RequestContext, ranked: readonly RankedApplicant[], admitted: ReadonlyMap<string, { matchId: string }>, waiting: ReadonlyMap<string, CallReserveReason>): Promise<void> {
    if (ranked.length === 0) return;
    await this.connection.manager(tx).query(
      `UPDATE call_application a SET
         score = r.score, score_parts = r.parts, position = r.position, tied_with = r.tied_with, separated_by = r.separated_by,
         status = r.status::call_application_status, match_id = r.match_id, admitted_at = CASE WHEN r.match_id IS NULL THEN NULL ELSE $2::timestamptz END,
         reserve_reason = r.reserve_reason::call_reserve_reason, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, score int, parts jsonb, position int, tied_with int, separated_by text, status text, match_id uuid, reserve_reason text)
       WHERE a.id = r.id`,
      [
        JSON.stringify(
          ranked.map((r) => ({
            id: r.id,
            score: r.score,
            parts: r.parts,
            position: r.position,
            tied_with: r.tiedWith,
            separated_by: r.separatedFromPrevious,
            status: admitted.has(r.id) ? CallApplicationStatus.ADMITTED : CallApplicationStatus.RESERVE,
            match_id: admitted.get(r.id)?.matchId ?? null,
            reserve_reason: admitted.has(r.id) ? null : (waiting.get(r.id) ?? CallReserveReason.CALL_FULL),
          })),
        ),
        tx.now,
      ],
    );
  }

  /**
   * Admitted applications whose place staff's suspension released wait again at their position
   * (RESERVE, OFFER_SUSPENDED, no match); their shops are told once the refill has run (see releasedOutcomes).
   */
  private async returnToReserve(tx: RequestContext, call: SelectionCallEntity, released: readonly CallApplicationEntity[], states: ReadonlyMap<string, { state: MatchState; suspended: Suspension | null }>): Promise<void> {
    if (released.length === 0) return;
    await this.connection
      .repository(tx, CallApplicationEntity)
      .update(released.map((a) => a.id), { status: CallApplicationStatus.RESERVE, matchId: null, admittedAt: null, reserveReason: CallReserveReason.OFFER_SUSPENDED });
    await this.audit.recordMany(
      tx,
      released.map((a) => ({
        action: 'call_application.released',
        entityType: 'call_application',
        entityId: a.id,
        before: { status: a.status, matchId: a.matchId },
        after: { status: CallApplicationStatus.RESERVE, reserveReason: CallReserveReason.OFFER_SUSPENDED, matchState: states.get(a.matchId as string)?.state },
      })),
    );
  }

  /** What a released shop still in reserve after the refill is told: back in reserve at its position, and why. */
  private releasedOutcomes(released: readonly CallApplicationEntity[], states: ReadonlyMap<string, { state: MatchState; suspended: Suspension | null }>): CallOutcome[] {
    return released.map((a) => ({ shopId: a.shopId, applicationId: a.id, outcome: 'RESERVE' as const, position: a.position, reason: states.get(a.matchId as string)?.suspended ?? null, releasedMatchId: a.matchId }));
  }

  /**
   * Why the applications passed over by a refill wait now, in one statement. One waiting for its
   * suspended offer keeps saying so while the call's offers have no place for it, or none that
   * reaches it (the suspended one may have been the only one): its place comes back with the offer.
   */
  private async writeReserveReasons(tx: RequestContext, waiting: ReadonlyMap<string, CallReserveReason>): Promise<void> {
    if (waiting.size === 0) return;
    await this.connection.manager(tx).query(
      `UPDATE call_application a SET reserve_reason = r.reason::call_reserve_reason, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, reason text)
       WHERE a.id = r.id AND a.status = 'RESERVE' AND a.reserve_reason IS DISTINCT FROM r.reason::call_reserve_reason
         AND NOT (a.reserve_reason = 'OFFER_SUSPENDED' AND r.reason IN ('NO_PLACE_LEFT', 'NOT_REACHED'))`,
      [JSON.stringify([...waiting].map(([id, reason]) => ({ id, reason })))],
    );
  }

  private async recordAdmissions(tx: RequestContext, admitted: ReadonlyMap<string, AdmittedPlace>, action: string): Promise<void> {
    if (admitted.size === 0) return;
    await this.audit.recordMany(
      tx,
      [...admitted].map(([id, { matchId, offerId }]) => ({ action, entityType: 'call_application', entityId: id, after: { status: CallApplicationStatus.ADMITTED, matchId, offerId } })),
    );
  }

  private async lockCall(tx: RequestContext, callId: string): Promise<SelectionCallEntity> {
    const call = await this.connection.repository(tx, SelectionCallEntity).findOne({ where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!call) throw new SelectionCallException(SelectionCallErrorCode.CALL_NOT_FOUND, 'id');
    return call;
  }
}
