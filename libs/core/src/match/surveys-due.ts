import { CHECKPOINT_DAYS, MatchState, OutcomeCheckpoint } from './match.types';
import { DAY_MS } from '../common/time';


export type SurveyRefusal = 'NOT_COMPLETED' | 'TOO_EARLY' | 'NOT_ACTIVATED' | 'WITHDRAWN';

/** Why this checkpoint cannot be answered now, or null when it can (answered or not). */
export function checkpointRefusal(match: { state: MatchState; activatedAt: Date | null }, checkpoint: OutcomeCheckpoint, now: Date): SurveyRefusal | null {
  const days = CHECKPOINT_DAYS[checkpoint];
  if (days === null) return match.state === MatchState.COMPLETED ? null : 'NOT_COMPLETED';
  if (!match.activatedAt) return 'NOT_ACTIVATED';
  if (match.state !== MatchState.ACTIVE && match.state !== MatchState.COMPLETED) return 'WITHDRAWN';
  return now.getTime() - match.activatedAt.getTime() >= days * DAY_MS ? null : 'TOO_EARLY';
}

/** The checkpoints the shop may answer now and has not yet. */
export function surveysDue(match: { state: MatchState; activatedAt: Date | null }, answered: readonly OutcomeCheckpoint[], now: Date): OutcomeCheckpoint[] {
  return Object.values(OutcomeCheckpoint).filter((checkpoint) => !answered.includes(checkpoint) && checkpointRefusal(match, checkpoint, now) === null);
}
