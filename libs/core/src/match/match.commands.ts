import type { MatchState, OutcomeCheckpoint } from './match.types';

/**
 * What callers give the match services: list filters and survey answers.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface MatchFilter {
  readonly state?: MatchState;
  readonly offerId?: string;
  readonly helpRequestId?: string;
}

export interface AnswerOutcomeSurvey {
  readonly matchId: string;
  readonly checkpoint: OutcomeCheckpoint;
  readonly gotOnlineOrders: boolean;
  readonly approximateOrders: number;
}
