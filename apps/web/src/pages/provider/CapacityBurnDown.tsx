import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OfferUsageDocument, type OfferFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

type Part = 'completed' | 'running' | 'held' | 'free';
const PARTS: Part[] = ['completed', 'running', 'held', 'free'];

/**
 * How the offer's places are used: completed, running (accepted or active), held for an answer,
 * still free; and how many wait for one. The bar repeats the figures, which are the text.
 */
export function CapacityBurnDown({ offer }: { offer: OfferFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(OfferUsageDocument, { variables: { offerId: offer.id }, fetchPolicy: 'cache-and-network' });
  const counts: Record<Part, number> | null = data
    ? {
        completed: data.completed.totalCount,
        running: data.accepted.totalCount + data.active.totalCount,
        held: data.pending.totalCount,
        free: offer.remainingCapacity,
      }
    : null;
  const share = (n: number): string => `${offer.capacity > 0 ? (100 * n) / offer.capacity : 0}%`;
  return (
    <div className="burn-down" data-testid="burn-down">
      <p className="mb-1 fw-semibold">
        {t('burnDown.summary', { used: format.number(offer.used), capacity: format.number(offer.capacity), free: format.number(offer.remainingCapacity) })}
      </p>
      <div className="burn-down-bar" aria-hidden="true">
        {counts ? PARTS.filter((part) => counts[part] > 0).map((part) => <span key={part} className={`burn-${part}`} style={{ width: share(counts[part]) }} />) : null}
      </div>
      {counts ? (
        <ul className="burn-down-legend">
          {PARTS.map((part) => (
            <li key={part}>
              <span className={`burn-swatch burn-${part}`} aria-hidden="true" />
              {t(`burnDown.parts.${part}`, { count: counts[part] })}
            </li>
          ))}
          {data && data.waitlisted.totalCount > 0 ? <li>{t('burnDown.waitlisted', { count: data.waitlisted.totalCount })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
