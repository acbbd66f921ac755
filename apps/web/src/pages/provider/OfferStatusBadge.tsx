import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { OfferStatus } from '../../gql/generated';

const TONE: Record<OfferStatus, Tone> = { DRAFT: 'info', PUBLISHED: 'approved', PAUSED: 'pending', CLOSED: 'neutral' };

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={TONE[status]} testId="offer-status">
      {t(`offers.statuses.${status}`)}
    </StatusBadge>
  );
}
