import { useTranslation } from 'react-i18next';
import type { OfferRecommendationsQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { ApplyButton } from './ApplyButton';

/**
 * Offers this request gave up, or whose provider declined it: never proposed again among the
 * others, but the shop may ask for one again, knowingly.
 */
export function RefusedOffers({ refused, helpRequestId }: { refused: OfferRecommendationsQuery['offerRecommendations']['refused']; helpRequestId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="refused-title" className="mt-5">
      <h2 id="refused-title" className="h3">
        {t('recommendations.refusedTitle')}
      </h2>
      <p>{t('recommendations.refusedLead')}</p>
      <ul className="list-unstyled">
        {refused.map(({ ranked, waitlistOnly, endedAs, endedAt }) => {
          const titleId = `refused-${ranked.offer.id}-title`;
          return (
            <li key={ranked.offer.id} className="offer-card offer-card-muted" data-testid="refused-offer">
              <h3 className="h5 mb-1" id={titleId}>
                {ranked.offer.title}
              </h3>
              <p className="mb-1">{t('recommendations.by', { provider: ranked.offer.provider.name })}</p>
              <p className="mb-2">{t(endedAs === 'DECLINED' ? 'recommendations.declinedOn' : 'recommendations.withdrawnOn', { date: format.date(endedAt) })}</p>
              <ApplyButton helpRequestId={helpRequestId} offerId={ranked.offer.id} offerTitle={ranked.offer.title} waitlist={waitlistOnly} describedBy={titleId} askAgain />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
