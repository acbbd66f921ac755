import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterButtons } from '../../components/FilterButtons';
import { CoverageFact, FreePeriodFact } from '../../components/OfferFacts';
import { PagedResults } from '../../components/PagedResults';
import { PaymentMentions } from '../../components/PaymentMentions';
import { usePaging } from '../../components/Pagination';
import { PageTitle } from '../../components/PageTitle';
import { SearchForm } from '../../components/SearchForm';
import { StatusNotice } from '../../components/StatusNotice';
import { OfferReviewDocument, type OfferReviewQuery, type OfferStatus } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { OfferStatusBadge } from '../provider/OfferStatusBadge';
import { OfferModeration } from './OfferModeration';
import { HistoryLink } from './audit/HistoryLink';

const STATUSES = ['PUBLISHED', 'PAUSED', 'SUSPENDED'] as const satisfies readonly OfferStatus[];
const PAGE_SIZE = 10;

type ReviewedOffer = OfferReviewQuery['offers']['items'][number];

function ReviewCard({ offer, onDone }: { offer: ReviewedOffer; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `review-${offer.id}-title`;
  return (
    <li className="queue-card">
      <article aria-labelledby={titleId}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={titleId}>
            {offer.title}
          </h2>
          <OfferStatusBadge status={offer.status} visibility={offer.visibility} />
        </div>
        <dl className="queue-facts">
          <div>
            <dt>{t('offerReview.provider')}</dt>
            <dd>{offer.provider.name}</dd>
          </div>
          <CoverageFact coverage={offer.coverage} />
          <FreePeriodFact months={offer.freePeriodMonths} />
        </dl>
        <h3 className="h6 mb-1">{t('offerReview.conditions')}</h3>
        <PaymentMentions phrases={offer.paymentMentions} audience="staff" />
        <p>{offer.conditions}</p>
        {/* A price may hide in the description as well as in the conditions: both are read. */}
        <h3 className="h6 mb-1">{t('offerReview.description')}</h3>
        <p className="mb-0 text-prewrap">{offer.description}</p>
        {offer.status === 'SUSPENDED' && offer.moderationReason ? (
          <p className="mt-2 mb-0">
            <strong>{t('offerReview.suspendedOn', { date: offer.moderatedAt ? format.date(offer.moderatedAt) : '' })}:</strong> {offer.moderationReason}
          </p>
        ) : null}
        <HistoryLink entityType="offer" entityId={offer.id} describedBy={titleId} />
        <OfferModeration offer={offer} onDone={onDone} />
      </article>
    </li>
  );
}

/** Ministry staff read offers' conditions and suspend those that are not free. */
export function OfferReviewPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('PUBLISHED');
  /** The words searched for (title or provider's name), as last submitted. */
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState('');
  const paging = usePaging(PAGE_SIZE);
  const { data, error, loading } = useQuery(OfferReviewDocument, {
    variables: { status, search: search || null, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <>
      <PageTitle title={t('offerReview.title')}>{t('offerReview.title')}</PageTitle>
      <p className="lead">{t('offerReview.lead')}</p>
      <FilterButtons
        label={t('offerReview.filter')}
        options={STATUSES.map((value) => ({ value, label: t(`offers.statusFilters.${value}`) }))}
        value={status}
        onChange={(next) => {
          setStatus(next);
          paging.reset();
          setNotice('');
        }}
      />
      <SearchForm
        id="offer-review-search"
        label={t('offerReview.search')}
        onSearch={(words) => {
          setSearch(words.trim());
          paging.reset();
          setNotice('');
        }}
      />
      <StatusNotice message={notice} />
      <PagedResults paging={paging} page={data?.offers} error={error} busy={loading} empty={search ? t('offerReview.noneFound', { search }) : t('offerReview.empty')}>
        {(page) => (
          <>
            <p>{t('offers.count', { count: page.totalCount })}</p>
            <ul className="list-unstyled">
              {page.items.map((offer) => (
                <ReviewCard key={offer.id} offer={offer} onDone={setNotice} />
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}
