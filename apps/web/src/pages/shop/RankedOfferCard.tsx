import { useTranslation } from 'react-i18next';
import type { RankedOfferFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { ApplyButton } from './ApplyButton';
import { OfferExplanation } from './OfferExplanation';

interface Props {
  ranked: RankedOfferFieldsFragment;
  helpRequestId: string;
  rank: number;
  waitlist: boolean;
}

export function RankedOfferCard({ ranked, helpRequestId, rank, waitlist }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const { offer } = ranked;
  const prefix = `offer-${offer.id}`;
  return (
    <li className="offer-card" data-testid="ranked-offer">
      <article aria-labelledby={`${prefix}-title`}>
        <p className="offer-rank mb-1">{waitlist ? t('recommendations.fullRank', { rank }) : t('recommendations.rank', { rank })}</p>
        <h3 className="h4 mb-1" id={`${prefix}-title`}>
          {offer.title}
        </h3>
        <p className="mb-2">
          {t('recommendations.by', { provider: offer.provider.name })}
          {offer.provider.website ? (
            <>
              {' · '}
              <a href={offer.provider.website}>{t('recommendations.website')}</a>
            </>
          ) : null}
        </p>
        <p className="written-text">{offer.description}</p>
        <OfferExplanation ranked={ranked} idPrefix={prefix} />
        <dl className="queue-facts">
          <div>
            <dt>{t('recommendations.categories')}</dt>
            <dd>{offer.categories.map(label).join(', ')}</dd>
          </div>
          {offer.integrations.length > 0 ? (
            <div>
              <dt>{t('recommendations.worksWith')}</dt>
              <dd>{offer.integrations.map((p) => t('recommendations.partner', { title: p.title, provider: p.provider.name })).join('; ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('recommendations.validUntil')}</dt>
            <dd>{offer.validUntil ? format.date(offer.validUntil) : t('recommendations.openEnded')}</dd>
          </div>
        </dl>
        <details className="mb-3">
          <summary>{t('recommendations.conditions')}</summary>
          <p className="mt-2 mb-0">{offer.conditions}</p>
        </details>
        <ApplyButton helpRequestId={helpRequestId} offerId={offer.id} offerTitle={offer.title} waitlist={waitlist} describedBy={`${prefix}-title`} />
      </article>
    </li>
  );
}
