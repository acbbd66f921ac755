/**
 * PENDING (a slot is held; the provider answers by `respondBy`) → ACCEPTED → ACTIVE (confirmed by
 * the shop) → COMPLETED; or DECLINED (by the provider, before the service starts), WITHDRAWN,
 * EXPIRED. WAITLISTED when the offer was full:
 * promoted to PENDING, in priority order, when a slot frees.
 */
export enum MatchState {
  WAITLISTED = 'WAITLISTED',
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

/** How a match came about. */
export enum MatchOrigin {
  /** The shop applied to the offer. */
  APPLICATION = 'APPLICATION',
  /** A committed allocation run assigned it. */
  ALLOCATION = 'ALLOCATION',
  /** The shop was admitted by the ranking of a selection call. */
  CALL = 'CALL',
}

/** Live matches count against the shop's limits (one per category, K in all). */
export const LIVE_STATES: readonly MatchState[] = [MatchState.PENDING, MatchState.ACCEPTED, MatchState.ACTIVE];

/** States that take one of the offer's capacity slots: capacity counts the shops served. */
export const SLOT_STATES: readonly MatchState[] = [...LIVE_STATES, MatchState.COMPLETED];

/** States in which a request is still being dealt with by this match (at most one per request). */
export const OPEN_STATES: readonly MatchState[] = [...LIVE_STATES, MatchState.WAITLISTED];

/** States in which a match serves its request: accepted, active or completed (monitoring's "served"). */
export const SERVED_STATES: readonly MatchState[] = [MatchState.ACCEPTED, MatchState.ACTIVE, MatchState.COMPLETED];

/** SQL list of states, for raw queries and partial indexes: `'PENDING','ACCEPTED'`. */
export const sqlStates = (states: readonly MatchState[]): string => states.map((state) => `'${state}'`).join(',');

/** Who may move a match from a state to another (the system: jobs and allocation runs). */
export type MatchActorKind = 'SHOP' | 'PROVIDER' | 'SYSTEM';

export type MatchAction = 'accept' | 'decline' | 'activate' | 'complete' | 'withdraw' | 'expire' | 'promote';

interface TransitionRule {
  from: readonly MatchState[];
  to: MatchState;
  by: readonly MatchActorKind[];
}

/** The whole state machine in one table; every transition is also recorded in match_transition. */
export const MATCH_TRANSITIONS: Readonly<Record<MatchAction, TransitionRule>> = {
  accept: { from: [MatchState.PENDING], to: MatchState.ACCEPTED, by: ['PROVIDER'] },
  // From ACCEPTED too: a provider that can no longer give a service the shop never started gives its place back, with its reason.
  decline: { from: [MatchState.PENDING, MatchState.ACCEPTED], to: MatchState.DECLINED, by: ['PROVIDER'] },
  activate: { from: [MatchState.ACCEPTED], to: MatchState.ACTIVE, by: ['SHOP'] },
  complete: { from: [MatchState.ACTIVE], to: MatchState.COMPLETED, by: ['SHOP', 'PROVIDER', 'SYSTEM'] },
  withdraw: { from: OPEN_STATES, to: MatchState.WITHDRAWN, by: ['SHOP', 'SYSTEM'] },
  expire: { from: [MatchState.PENDING, MatchState.WAITLISTED], to: MatchState.EXPIRED, by: ['SYSTEM'] },
  promote: { from: [MatchState.WAITLISTED], to: MatchState.PENDING, by: ['SYSTEM'] },
};

/** When the outcome survey is asked: at completion, and 30 and 90 days after activation. */
export enum OutcomeCheckpoint {
  COMPLETION = 'COMPLETION',
  DAY_30 = 'DAY_30',
  DAY_90 = 'DAY_90',
}

/** The checkpoints asked a fixed number of days after activation. */
export type TimedCheckpoint = OutcomeCheckpoint.DAY_30 | OutcomeCheckpoint.DAY_90;

export const TIMED_CHECKPOINT_DAYS: Readonly<Record<TimedCheckpoint, number>> = {
  [OutcomeCheckpoint.DAY_30]: 30,
  [OutcomeCheckpoint.DAY_90]: 90,
};

export const CHECKPOINT_DAYS: Readonly<Record<OutcomeCheckpoint, number | null>> = {
  [OutcomeCheckpoint.COMPLETION]: null,
  ...TIMED_CHECKPOINT_DAYS,
};
