import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CoverageFact, FreePeriodFact } from '../../components/OfferFacts';
import { PaymentMentions } from '../../components/PaymentMentions';
import type { MyOffersQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { CapacityBurnDown } from './CapacityBurnDown';
import { OfferStatusActions } from './OfferStatusActions';
import { OfferStatusBadge } from './OfferStatusBadge';

export function OfferCard({ offer, onDone }: { offer: MyOffersQuery['myOffers']['items'][number]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const titleId = `offer-${offer.id}-title`;
  return (
    <li className="queue-card" data-testid="offer-card">
      <article aria-labelledby={titleId}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={titleId}>
            {offer.title}
          </h2>
          <OfferStatusBadge status={offer.status} visibility={offer.visibility} />
        </div>
        {offer.visibility === 'AWAITING_VERIFICATION' || offer.visibility === 'PROVIDER_NOT_APPROVED' || offer.visibility === 'ENDED' ? (
          <p className="small mb-2">{t(`offers.visibility.${offer.visibility}`)}</p>
        ) : null}
        {offer.status === 'SUSPENDED' ? (
          <div className="alert alert-danger" data-testid="offer-suspension">
            <p className="mb-1">{t('offers.suspendedBy', { date: offer.moderatedAt ? format.date(offer.moderatedAt) : '', reason: offer.moderationReason ?? '' })}</p>
            <p className="mb-0">
              {t('offers.suspendedHelp')} <Link to={PATHS.contacts}>{t('offers.suspendedContact')}</Link>
            </p>
          </div>
        ) : null}
        {offer.status !== 'SUSPENDED' && offer.status !== 'CLOSED' ? <PaymentMentions phrases={offer.paymentMentions} audience="provider" /> : null}
        <dl className="queue-facts">
          <div>
            <dt>{t('offers.categories')}</dt>
            <dd>{offer.categories.map(label).join(', ')}</dd>
          </div>
          <CoverageFact coverage={offer.coverage} />
          <FreePeriodFact months={offer.freePeriodMonths} />
          <div>
            <dt>{t('offers.validity')}</dt>
            <dd>
              {offer.validUntil
                ? t('offers.validBetween', { from: format.date(offer.validFrom), until: format.date(offer.validUntil) })
                : t('offers.validFrom', { from: format.date(offer.validFrom) })}
            </dd>
          </div>
        </dl>
        <CapacityBurnDown offer={offer} />
        <div className="d-flex flex-wrap align-items-center gap-3 mt-3">
          {offer.status !== 'CLOSED' ? (
            <Link className="btn btn-outline-primary btn-sm" to={pathTo(PATHS.providerOfferEdit, offer.id)} aria-describedby={titleId}>
              {t('offers.edit')}
            </Link>
          ) : null}
          <Link to={`${PATHS.providerApplications}?offerta=${encodeURIComponent(offer.id)}`} aria-describedby={titleId}>
            {t('offers.applications')}
          </Link>
          <OfferStatusActions offer={offer} onDone={onDone} />
        </div>
      </article>
    </li>
  );
}
