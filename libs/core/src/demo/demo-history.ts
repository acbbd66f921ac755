import { allocate, explainAll, MatchingRequest } from '@vec/matching';
import { EntityManager } from 'typeorm';
import type { HelpRequestBundleEntity } from '../help-request/help-request-bundle.entity';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { DAY_MS } from '../common/time';
import { validateEnvironment } from '../config/validate-environment';
import { moveMatch, openMatch } from '../match/match-rules';
import { MatchTransitionEntity } from '../match/match-transition.entity';
import { MatchEntity } from '../match/match.entity';
import { MatchAction, MatchActorKind, MatchOrigin, MatchState, OutcomeCheckpoint } from '../match/match.types';
import { OutcomeSurveyEntity } from '../match/outcome-survey.entity';
import { liveMatchesOf, toEngineOffer, toEngineRequest } from '../matching/engine-input.mapper';
import { OfferCoverageEntity } from '../offer/offer-coverage.entity';
import { OfferEntity } from '../offer/offer.entity';
import { ProviderEntity } from '../provider/provider.entity';
import { ShopEntity } from '../shop/shop.entity';
import { ComuneEntity } from '../territory/comune.entity';
import { SeededRandom } from './seeded-random';

/** Where a step of the story takes a match: the action and who takes it, as the transition table names them. */
const STEP_ACTION: Partial<Record<MatchState, { action: MatchAction; by: MatchActorKind }>> = {
  [MatchState.ACCEPTED]: { action: 'accept', by: 'PROVIDER' },
  [MatchState.DECLINED]: { action: 'decline', by: 'PROVIDER' },
  [MatchState.ACTIVE]: { action: 'activate', by: 'SHOP' },
  [MatchState.COMPLETED]: { action: 'complete', by: 'SHOP' },
  [MatchState.EXPIRED]: { action: 'expire', by: 'SYSTEM' },
};

export interface DemoWorld {
  shops: ShopEntity[];
  comuni: ComuneEntity[];
  providers: ProviderEntity[];
  offers: OfferEntity[];
  coverage: OfferCoverageEntity[];
  requests: HelpRequestEntity[];
  /** Requests asked together (their parts carry the bundle's id). */
  bundles: HelpRequestBundleEntity[];
}

export interface DemoHistory {
  matches: number;
  byState: Record<string, number>;
  surveys: number;
}

/** What the history wrote, for its audit events: the matches and every step each took. */
export interface DemoJournal {
  matches: readonly MatchEntity[];
  transitions: readonly Partial<MatchTransitionEntity>[];
  surveys: readonly Partial<OutcomeSurveyEntity>[];
}

interface Step {
  to: MatchState;
  at: Date;
  role: 'SHOP' | 'PROVIDER' | null;
  userId: string | null;
  reason?: string;
}

/**
 * Six weeks of programme history for the demo, decided by the real engine: the open requests are
 * allocated exactly (as the shops' applications), then each match is walked some way along its life (pending, accepted, active,
 * completed with a survey; or declined, expired), and some requests whose offers were full wait
 * on a list. Timestamps follow the request's age so that monitoring has a story over time. The
 * trigger on `match` keeps every offer's slot counter right.
 */
export async function seedDemoHistory(
  manager: EntityManager,
  world: DemoWorld,
  random: SeededRandom,
  now: Date,
  keepOpen: ReadonlySet<string>,
): Promise<{ history: DemoHistory; journal: DemoJournal }> {
  // The platform's own settings, as a running instance reads them.
  const { MATCH_RESPONSE_DAYS: RESPONSE_DAYS, MAX_LIVE_MATCHES_PER_SHOP: MAX_LIVE } = validateEnvironment(process.env);
  const comuneByCode = new Map(world.comuni.map((c) => [c.code, c]));
  const shopById = new Map(world.shops.map((s) => [s.id, s]));
  const providerById = new Map(world.providers.map((p) => [p.id, p]));
  for (const offer of world.offers) {
    offer.coverage = world.coverage.filter((row) => row.offerId === offer.id);
    offer.provider = providerById.get(offer.providerId);
  }
  const engineOffers = world.offers.map(toEngineOffer);
  const open = world.requests.filter((r) => r.status === HelpRequestStatus.OPEN && !keepOpen.has(r.id));
  const engineRequests: MatchingRequest[] = open.map((r) => {
    const shop = shopById.get(r.shopId) as ShopEntity;
    return toEngineRequest(r, shop, comuneByCode.get(shop.comuneCode) as ComuneEntity, liveMatchesOf([]));
  });
  const context = { now: now.getTime(), maxLiveMatchesPerShop: MAX_LIVE };
  const result = allocate(engineRequests, engineOffers, context);
  const requestById = new Map(world.requests.map((r) => [r.id, r]));
  const offerById = new Map(world.offers.map((o) => [o.id, o]));

  const matches: MatchEntity[] = [];
  const transitions: Partial<MatchTransitionEntity>[] = [];
  const surveys: Partial<OutcomeSurveyEntity>[] = [];
  const byState: Record<string, number> = {};
  // Never later than an hour ago, nor before what it follows (a request made in the last hour).
  const at = (from: Date, minDays: number, maxDays: number): Date =>
    new Date(Math.max(from.getTime(), Math.min(now.getTime() - 3_600_000, from.getTime() + (minDays + random.next() * (maxDays - minDays)) * DAY_MS)));

  let demoProviderRecent = 0;
  result.assignments.forEach((assignment, index) => {
    const request = requestById.get(assignment.requestId) as HelpRequestEntity;
    const offer = offerById.get(assignment.offerId) as OfferEntity;
    const shop = shopById.get(request.shopId) as ShopEntity;
    const provider = providerById.get(offer.providerId) as ProviderEntity;
    const created = at(request.createdAt, 0, 1);
    const age = (now.getTime() - created.getTime()) / DAY_MS;
    const roll = random.next();
    // The demo provider always has applications to answer (every other recent one, from the first);
    // the demo shop one to confirm.
    const fate = ((): MatchState => {
      if (provider.ownerUserId === world.providers[0].ownerUserId && age < RESPONSE_DAYS && demoProviderRecent++ % 2 === 0) return MatchState.PENDING;
      if (shop.id === world.shops[0].id) return MatchState.ACCEPTED;
      if (age < 1 || (age < RESPONSE_DAYS && roll < 0.4)) return MatchState.PENDING;
      if (roll < 0.08) return MatchState.DECLINED;
      if (roll < 0.14 && age > RESPONSE_DAYS + 0.1) return MatchState.EXPIRED;
      if (roll < 0.3 || age < 3) return MatchState.ACCEPTED;
      return roll < 0.75 || age < 14 ? MatchState.ACTIVE : MatchState.COMPLETED;
    })();
    // Every one of them an application: an assignment by the Department belongs to a run, which the
    // demo leaves for staff to start themselves (its page would otherwise list none for matches saying so).
    const steps: Step[] = [{ to: MatchState.PENDING, at: created, role: 'SHOP', userId: shop.ownerUserId }];
    const providerStep = (to: MatchState, reason?: string): void => {
      steps.push({ to, at: at(created, 0.1, 3), role: 'PROVIDER', userId: provider.ownerUserId, reason });
    };
    if (fate === MatchState.DECLINED) providerStep(MatchState.DECLINED, 'Al momento non possiamo seguire altri negozi in questa zona');
    if (fate === MatchState.EXPIRED) steps.push({ to: MatchState.EXPIRED, at: new Date(created.getTime() + RESPONSE_DAYS * DAY_MS + 60_000), role: null, userId: null, reason: 'NO_ANSWER' });
    if ([MatchState.ACCEPTED, MatchState.ACTIVE, MatchState.COMPLETED].includes(fate)) providerStep(MatchState.ACCEPTED);
    if (fate === MatchState.ACTIVE || fate === MatchState.COMPLETED) {
      steps.push({ to: MatchState.ACTIVE, at: at(steps[steps.length - 1].at, 0.5, 4), role: 'SHOP', userId: shop.ownerUserId });
    }
    if (fate === MatchState.COMPLETED) steps.push({ to: MatchState.COMPLETED, at: at(steps[steps.length - 1].at, 7, 20), role: 'SHOP', userId: shop.ownerUserId });
    const last = steps[steps.length - 1];
    // Opened and walked through its steps by the same rules the platform applies.
    const opening = { request, offer, state: MatchState.PENDING, origin: MatchOrigin.APPLICATION, ranked: assignment } as const;
    const match = Object.assign(new MatchEntity(), openMatch(opening, created, RESPONSE_DAYS), { id: demoId(index + 1, 5), createdAt: created, updatedAt: last.at });
    for (const step of steps.slice(1)) {
      const move = STEP_ACTION[step.to];
      if (!move) throw new Error(`the demo has no step to ${step.to}`);
      moveMatch(match, move.action, move.by, { now: step.at, reason: step.reason ?? null, freePeriodMonths: offer.freePeriodMonths });
    }
    matches.push(match);
    byState[fate] = (byState[fate] ?? 0) + 1;
    steps.forEach((step, i) =>
      transitions.push({ matchId: match.id, fromState: i === 0 ? null : steps[i - 1].to, toState: step.to, occurredAt: step.at, actorUserId: step.userId, actorRole: step.role, reason: step.reason ?? null, requestId: 'demo-seed' }),
    );
    if (fate === MatchState.COMPLETED && random.next() < 0.75) {
      const got = random.next() < 0.62;
      surveys.push({ matchId: match.id, checkpoint: OutcomeCheckpoint.COMPLETION, gotOnlineOrders: got, approximateOrders: got ? random.int(1, 80) : 0, answeredAt: at(last.at, 0, 3), answeredByUserId: shop.ownerUserId ?? undefined });
    }
    request.status = fate === MatchState.COMPLETED ? HelpRequestStatus.FULFILLED : fate === MatchState.DECLINED || fate === MatchState.EXPIRED ? HelpRequestStatus.OPEN : HelpRequestStatus.MATCHED;
  });

  // Some of those the run could not serve because every fitting offer was full wait on a list.
  const engineById = new Map(engineRequests.map((r) => [r.id, r]));
  let waiting = 0;
  for (const unserved of result.unserved) {
    if (unserved.reason !== 'ALL_FULL' || random.next() < 0.4) continue;
    const engineRequest = engineById.get(unserved.requestId) as MatchingRequest;
    const [best] = explainAll(engineRequest, engineOffers.map((o) => ({ ...o, used: o.capacity })), context).waitlist;
    if (!best) continue;
    const request = requestById.get(unserved.requestId) as HelpRequestEntity;
    const offer = offerById.get(best.offerId) as OfferEntity;
    const created = at(request.createdAt, 0, 2);
    waiting += 1;
    const opening = { request, offer, state: MatchState.WAITLISTED, origin: MatchOrigin.APPLICATION, ranked: best } as const;
    const match = Object.assign(new MatchEntity(), openMatch(opening, created, RESPONSE_DAYS), { id: demoId(100_000 + waiting, 5), createdAt: created, updatedAt: created });
    matches.push(match);
    transitions.push({ matchId: match.id, fromState: null, toState: MatchState.WAITLISTED, occurredAt: created, actorUserId: (shopById.get(request.shopId) as ShopEntity).ownerUserId, actorRole: 'SHOP', reason: null, requestId: 'demo-seed' });
  }
  byState[MatchState.WAITLISTED] = waiting;

  for (let i = 0; i < matches.length; i += 500) await manager.getRepository(MatchEntity).insert(matches.slice(i, i + 500));
  for (let i = 0; i < transitions.length; i += 500) await manager.getRepository(MatchTransitionEntity).insert(transitions.slice(i, i + 500));
  if (surveys.length) await manager.getRepository(OutcomeSurveyEntity).insert(surveys);
  const changed = world.requests.filter((r) => r.status !== HelpRequestStatus.OPEN && r.status !== HelpRequestStatus.CANCELLED);
  for (const status of [HelpRequestStatus.MATCHED, HelpRequestStatus.FULFILLED]) {
    const ids = changed.filter((r) => r.status === status).map((r) => r.id);
    if (ids.length) await manager.query(`UPDATE help_request SET status = $1 WHERE id = ANY($2::uuid[])`, [status, ids]);
  }
  return { history: { matches: matches.length, byState, surveys: surveys.length }, journal: { matches, transitions, surveys } };
}

/** Stable ids make the demo reproducible: the same seed gives the same rows. */
export function demoId(n: number, kind = 0): string {
  const hex = (kind * 1_000_000 + n).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}
