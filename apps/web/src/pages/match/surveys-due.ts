import type { MatchState, OutcomeCheckpoint } from '../../gql/generated';

const DAY_MS = 86_400_000;
const AFTER_ACTIVATION: [OutcomeCheckpoint, number][] = [
  ['DAY_30', 30],
  ['DAY_90', 90],
];

interface MatchForSurvey {
  state: MatchState;
  activatedAt: string | null;
  surveys: { checkpoint: OutcomeCheckpoint }[];
}

/**
 * The checkpoints the shop can answer now, as the API accepts them: 30 and 90 days after
 * activation, and once at completion; each once.
 */
export function surveysDue(match: MatchForSurvey, now: Date): OutcomeCheckpoint[] {
  const answered = new Set(match.surveys.map((s) => s.checkpoint));
  const due: OutcomeCheckpoint[] = [];
  if (match.activatedAt && (match.state === 'ACTIVE' || match.state === 'COMPLETED')) {
    const activated = new Date(match.activatedAt).getTime();
    for (const [checkpoint, days] of AFTER_ACTIVATION) if (now.getTime() >= activated + days * DAY_MS) due.push(checkpoint);
  }
  if (match.state === 'COMPLETED') due.push('COMPLETION');
  return due.filter((checkpoint) => !answered.has(checkpoint));
}
