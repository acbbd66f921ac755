import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { MatchState } from '../../gql/generated';

const TONE: Record<MatchState, Tone> = {
  WAITLISTED: 'info',
  PENDING: 'pending',
  ACCEPTED: 'approved',
  ACTIVE: 'approved',
  COMPLETED: 'neutral',
  DECLINED: 'rejected',
  WITHDRAWN: 'neutral',
  EXPIRED: 'rejected',
};

/** Every state a match can be in, in the order of its life. */
export const MATCH_STATES: MatchState[] = ['WAITLISTED', 'PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'];

/** States in which the match still holds or waits for a place. */
export const OPEN_STATES: ReadonlySet<MatchState> = new Set(['WAITLISTED', 'PENDING', 'ACCEPTED', 'ACTIVE']);

export function MatchStateBadge({ state }: { state: MatchState }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={TONE[state]} testId="match-state">
      {t(`matches.states.${state}`)}
    </StatusBadge>
  );
}
