import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import type { OfferStatus, OfferVisibility } from '../../gql/generated';

const TONE: Record<OfferStatus, Tone> = { DRAFT: 'info', PUBLISHED: 'approved', PAUSED: 'pending', SUSPENDED: 'rejected', CLOSED: 'neutral' };

/**
 * One state, as shops would see it: a published offer whose organisation is still awaiting
 * verification says so, rather than "published" next to a warning that shops cannot see it.
 */
export function OfferStatusBadge({ status, visibility }: { status: OfferStatus; visibility: OfferVisibility }) {
  const { t } = useTranslation();
  if (visibility === 'AWAITING_VERIFICATION') {
    return (
      <StatusBadge tone="pending" testId="offer-status">
        {t('offers.awaitingBadge')}
      </StatusBadge>
    );
  }
  if (visibility === 'ENDED') {
    return (
      <StatusBadge tone="neutral" testId="offer-status">
        {t('offers.endedBadge')}
      </StatusBadge>
    );
  }
  if (visibility === 'PROVIDER_NOT_APPROVED') {
    return (
      <StatusBadge tone="rejected" testId="offer-status">
        {t('offers.hiddenBadge')}
      </StatusBadge>
    );
  }
  return (
    <StatusBadge tone={TONE[status]} testId="offer-status">
      {t(`offers.statuses.${status}`)}
    </StatusBadge>
  );
}
