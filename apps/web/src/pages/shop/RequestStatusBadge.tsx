import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { HelpRequestStatus } from '../../gql/generated';

const TONE: Record<HelpRequestStatus, Tone> = { OPEN: 'info', MATCHED: 'pending', FULFILLED: 'approved', CANCELLED: 'neutral' };

export function RequestStatusBadge({ status }: { status: HelpRequestStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[status]}>{t(`requests.statuses.${status}`)}</StatusBadge>;
}
