import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { CallApplicationStatus, SelectionCallStatus } from '../../gql/generated';

const CALL_TONE: Record<SelectionCallStatus, Tone> = { DRAFT: 'neutral', OPEN: 'info', CLOSED: 'approved' };
const APPLICATION_TONE: Record<CallApplicationStatus, Tone> = { SUBMITTED: 'pending', EXCLUDED: 'rejected', ADMITTED: 'approved', RESERVE: 'info', LAPSED: 'neutral' };

export function CallStatusBadge({ status }: { status: SelectionCallStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={CALL_TONE[status]}>{t(`calls.statuses.${status}`)}</StatusBadge>;
}

export function ApplicationStatusBadge({ status }: { status: CallApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={APPLICATION_TONE[status]} testId="application-status">
      {t(`calls.applicationStatuses.${status}`)}
    </StatusBadge>
  );
}
