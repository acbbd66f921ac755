import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { AllocationRunStatus } from '../../gql/generated';

const TONE: Record<AllocationRunStatus, Tone> = {
  SCHEDULED: 'info',
  QUEUED: 'pending',
  RUNNING: 'pending',
  PREVIEWED: 'approved',
  COMMITTED: 'approved',
  FAILED: 'rejected',
  CANCELLED: 'neutral',
};

/** A run still to finish: its page reads it again until it does. */
export const UNFINISHED: ReadonlySet<AllocationRunStatus> = new Set(['SCHEDULED', 'QUEUED', 'RUNNING']);

export function RunStatusBadge({ status }: { status: AllocationRunStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={TONE[status]} testId="run-status">
      {t(`allocation.statuses.${status}`)}
    </StatusBadge>
  );
}
