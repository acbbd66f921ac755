import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../gql/generated';

const TONE: Record<VerificationStatus, string> = {
  PENDING: 'status-pending',
  APPROVED: 'status-approved',
  REJECTED: 'status-rejected',
  SUSPENDED: 'status-suspended',
};

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge ${TONE[status]}`}>{t(`verification.statuses.${status}`)}</span>;
}
