import { useTranslation } from 'react-i18next';
import type { AllocationRunQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { comunePlaceLabel } from '../../components/comune-choice';

type Item = AllocationRunQuery['allocationRun']['items']['items'][number];

/** One decision of the run in words: which shop's request, and the offer it gets or why none. */
export function RunItemRow({ item }: { item: Item }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const { helpRequest: request, shop, offer } = item;
  return (
    <li className="queue-card run-item" data-testid="run-item">
      <p className="mb-1 fw-semibold">{`${shop.name}, ${comunePlaceLabel(shop.comune)}`}</p>
      <p className="mb-2 small">{t('allocation.item.request', { category: label(request.category), description: request.description })}</p>
      {offer ? (
        <p className="mb-0" data-testid="run-item-outcome">
          <span className="status-badge status-approved me-2">{t('allocation.item.served')}</span>
          {t('allocation.item.offer', { title: offer.title, provider: offer.provider.name })}
          {item.coverageLevel ? ` · ${t(`coverageLevels.${item.coverageLevel}`)}` : ''}
          {item.coverageLevel === 'RADIUS' && item.distanceKm !== null ? ` · ${t('allocation.item.distance', { km: format.number(item.distanceKm, 1) })}` : ''}
          {item.matchId ? ` · ${t('allocation.item.matchCreated')}` : ''}
        </p>
      ) : (
        <p className="mb-0" data-testid="run-item-outcome">
          <span className="status-badge status-rejected me-2">{t('allocation.item.unserved')}</span>
          {item.unservedReason ? t(`allocation.reasons.${item.unservedReason}`) : null}
        </p>
      )}
    </li>
  );
}
