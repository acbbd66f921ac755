import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../components/Loading';
import { CoverageFact, FreePeriodFact } from '../../components/OfferFacts';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { CategoryOffersDocument, MyShopDocument, OfferEligibilityDocument, type CategoryOffersQuery, type ServiceCategory } from '../../gql/generated';
import { ReasonList } from './Recommendations';

const PAGE_SIZE = 5;

type OtherOffer = CategoryOffersQuery['offers']['items'][number];

/** One offer that does not reach the shop's comune: where it serves (what tells such offers apart), and on request why it does not fit. */
function EligibilityCheck({ helpRequestId, offer }: { helpRequestId: string; offer: OtherOffer }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [check, { data, loading, error }] = useLazyQuery(OfferEligibilityDocument);
  const panelId = `eligibility-${offer.id}`;
  const toggle = (): void => {
    if (!open && !data) void check({ variables: { helpRequestId, offerId: offer.id } });
    setOpen(!open);
  };
  const result = data?.offerEligibility;
  return (
    <li className="offer-card offer-card-muted">
      <h3 className="h5 mb-1" id={`other-${offer.id}-title`}>
        {offer.title}
      </h3>
      <p className="mb-1">{t('recommendations.by', { provider: offer.provider.name })}</p>
      <dl className="queue-facts mb-2">
        <CoverageFact coverage={offer.coverage} />
        <FreePeriodFact months={offer.freePeriodMonths} />
      </dl>
      <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={open} aria-controls={panelId} aria-describedby={`other-${offer.id}-title`} onClick={toggle}>
        {t('otherOffers.check')}
      </button>
      <div id={panelId} hidden={!open} className="mt-2" aria-live="polite">
        {open && loading ? <Loading /> : null}
        {open && error ? <LoadFailed className="mb-0" /> : null}
        {open && result ? (
          result.eligible ? (
            <p className="mb-0">{t('otherOffers.fits')}</p>
          ) : result.waitlistOnly ? (
            <p className="mb-0">{t('otherOffers.waitlistOnly')}</p>
          ) : (
            <ReasonList reasons={result.reasons} />
          )
        ) : null}
      </div>
    </li>
  );
}

/**
 * The other offers of the category, those that do not reach the shop's comune (the ones that do are
 * above, recommended, waiting or explained): on request, why one does not fit.
 */
export function OtherOffers({ helpRequestId, category }: { helpRequestId: string; category: ServiceCategory }) {
  const { t } = useTranslation();
  const paging = usePaging(PAGE_SIZE);
  const shop = useQuery(MyShopDocument);
  const comuneCode = shop.data?.myShop?.comune.code;
  const { data, error } = useQuery(CategoryOffersDocument, {
    variables: { category, outsideComuneCode: comuneCode ?? '', first: PAGE_SIZE, offset: paging.offset },
    skip: !comuneCode,
  });
  return (
    <section aria-labelledby="other-offers-title" className="mt-5">
      <h2 id="other-offers-title" className="h3">
        {t('otherOffers.title')}
      </h2>
      <p>{t('otherOffers.lead')}</p>
      <PagedResults paging={paging} page={data?.offers} error={error ?? shop.error} empty={t('otherOffers.none')} pagerLabel={t('otherOffers.pages')}>
        {(page) => (
          <ul className="list-unstyled">
            {page.items.map((offer) => (
              <EligibilityCheck key={offer.id} helpRequestId={helpRequestId} offer={offer} />
            ))}
          </ul>
        )}
      </PagedResults>
    </section>
  );
}
