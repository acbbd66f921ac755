import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { CallApplicationStatus, CallReserveReason, SelectionCallStatus } from '../../gql/generated';

const CALL_TONE: Record<SelectionCallStatus, Tone> = { DRAFT: 'neutral', OPEN: 'info', CLOSED: 'approved' };
const APPLICATION_TONE: Record<CallApplicationStatus, Tone> = { SUBMITTED: 'pending', EXCLUDED: 'rejected', ADMITTED: 'approved', RESERVE: 'info', LAPSED: 'neutral' };

/** A call's status; a call published whose window has not opened yet, or has ended before the closing, says so, not "open". */
export function CallStatusBadge({ status, opensAt, closesAt }: { status: SelectionCallStatus; opensAt?: string; closesAt?: string }) {
  const { t } = useTranslation();
  if (status === 'OPEN' && opensAt && new Date(opensAt).getTime() > Date.now()) return <StatusBadge tone="pending">{t('calls.notYetOpen')}</StatusBadge>;
  if (status === 'OPEN' && closesAt && new Date(closesAt).getTime() <= Date.now()) return <StatusBadge tone="neutral">{t('calls.windowOver')}</StatusBadge>;
  return <StatusBadge tone={CALL_TONE[status]}>{t(`calls.statuses.${status}`)}</StatusBadge>;
}

/** Why an application waits on the reserve list, as published with the ranking. */
export function ReserveReason({ status, reason }: { status: CallApplicationStatus; reason?: CallReserveReason | null }) {
  const { t } = useTranslation();
  if (status !== 'RESERVE' || !reason) return null;
  return (
    <span className="d-block small" data-testid="reserve-reason">
      {t(`calls.reserveReasons.${reason}`)}
    </span>
  );
}

export function ApplicationStatusBadge({ status }: { status: CallApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={APPLICATION_TONE[status]} testId="application-status">
      {t(`calls.applicationStatuses.${status}`)}
    </StatusBadge>
  );
}

/** A call's card heading: its title, and its status beside it. */
export function CallCardHeading({ call }: { call: { title: string; status: SelectionCallStatus; opensAt: string; closesAt: string } }) {
  return (
    <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
      <h2 className="h4 mb-1">{call.title}</h2>
      <CallStatusBadge status={call.status} opensAt={call.opensAt} closesAt={call.closesAt} />
    </div>
  );
}
