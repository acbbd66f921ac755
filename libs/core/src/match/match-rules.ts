import type { ServiceCategory } from '@vec/matching';
import { addDays } from '../common/time';
import { freePeriodEnd } from './free-period';
import { MATCH_TRANSITIONS, MatchAction, MatchActorKind, MatchOrigin, MatchState } from './match.types';

/**
 * The rules of a match's life, in one place and free of I/O: how a match is opened, its answer
 * deadline, and every move between states, each checked against MATCH_TRANSITIONS. Applications,
 * allocation runs, the platform's own sweeps, moderation and the demo all move matches through
 * here; the services around it only load, lock, persist and tell.
 */

/** The columns a match is created with: everything its life will fill in starts empty. */
export interface MatchColumns {
  helpRequestId: string;
  offerId: string;
  shopId: string;
  providerId: string;
  category: ServiceCategory;
  state: MatchState;
  origin: MatchOrigin;
  allocationRunId: string | null;
  /** The set application the match is a part of (parts applied to together for a bundle). */
  setId: string | null;
  coverageLevel: string;
  distanceKm: number;
  respondBy: Date | null;
  waitlistedAt: Date | null;
  acceptedAt: Date | null;
  activatedAt: Date | null;
  freeUntil: Date | null;
  completedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
}

export interface MatchOpening {
  request: { id: string; shopId: string; category: ServiceCategory };
  offer: { id: string; providerId: string };
  /** A held place (the provider answers by the deadline) or a place on the offer's waitlist. */
  state: MatchState.PENDING | MatchState.WAITLISTED;
  origin: MatchOrigin;
  allocationRunId?: string | null;
  setId?: string | null;
  /** How the engine ranked the pair. */
  ranked: { coverageLevel: string; distanceKm: number };
}

/** When the provider must have answered a place held from `now`: MATCH_RESPONSE_DAYS later. */
export const respondBy = (now: Date, responseDays: number): Date => addDays(now, responseDays);

/** A new match, opened at `now`. */
export function openMatch(opening: MatchOpening, now: Date, responseDays: number): MatchColumns {
  const held = opening.state === MatchState.PENDING;
  return {
    helpRequestId: opening.request.id,
    offerId: opening.offer.id,
    shopId: opening.request.shopId,
    providerId: opening.offer.providerId,
    category: opening.request.category,
    state: opening.state,
    origin: opening.origin,
    allocationRunId: opening.allocationRunId ?? null,
    setId: opening.setId ?? null,
    coverageLevel: opening.ranked.coverageLevel,
    distanceKm: opening.ranked.distanceKm,
    respondBy: held ? respondBy(now, responseDays) : null,
    waitlistedAt: held ? null : now,
    acceptedAt: null,
    activatedAt: null,
    freeUntil: null,
    completedAt: null,
    endedAt: null,
    endReason: null,
  };
}

/** What a move needs beyond the match: when, why, and what the action itself depends on. */
export interface MoveDetails {
  now: Date;
  /** A person's words, or the platform's reason code (SYSTEM_REASON). */
  reason?: string | null;
  /** activate: the offer's free period. */
  freePeriodMonths?: number;
  /** promote: the answer deadline of the place now held, and how the engine ranks the pair today. */
  responseDays?: number;
  ranked?: { coverageLevel: string; distanceKm: number };
}

/** A move the transition table does not allow: a caller's bug, or a state read before a lock. */
export class InvalidMatchMoveError extends Error {
  constructor(
    readonly action: MatchAction,
    readonly from: MatchState,
    readonly by: MatchActorKind,
  ) {
    super(`a match cannot ${action} from ${from} by ${by}`);
  }
}

/** Whether `by` may take `action` on a match in state `from`. */
export function canMove(action: MatchAction, from: MatchState, by: MatchActorKind): boolean {
  const rule = MATCH_TRANSITIONS[action];
  return rule.from.includes(from) && rule.by.includes(by);
}

/**
 * Moves `match` (changed in place, and returned) by `action`, taken by `by`, as the transition
 * table allows, filling in the columns the new state records.
 */
export function moveMatch<M extends MatchColumns>(match: M, action: MatchAction, by: MatchActorKind, details: MoveDetails): M {
  if (!canMove(action, match.state, by)) throw new InvalidMatchMoveError(action, match.state, by);
  const { now } = details;
  const state = MATCH_TRANSITIONS[action].to;
  switch (action) {
    case 'accept':
      return Object.assign(match, { state, acceptedAt: now });
    case 'activate':
      return Object.assign(match, { state, activatedAt: now, freeUntil: freePeriodEnd(now, details.freePeriodMonths ?? 0) });
    case 'complete':
      return Object.assign(match, { state, completedAt: now });
    case 'promote': {
      if (details.responseDays === undefined || !details.ranked) throw new Error('promote needs the answer deadline and the ranking');
      return Object.assign(match, { state, respondBy: respondBy(now, details.responseDays), coverageLevel: details.ranked.coverageLevel, distanceKm: details.ranked.distanceKm });
    }
    case 'decline':
    case 'withdraw':
    case 'expire':
      return Object.assign(match, { state, endedAt: now, endReason: details.reason ?? null });
  }
}
