import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useArrivedNotice, useNotice } from '../../components/StatusNotice';
import { MyOffersDocument, type OfferStatus, type ProviderFieldsFragment } from '../../gql/generated';
import { PATHS } from '../../routes';
import { OfferCard } from './OfferCard';
import { RequireProvider } from './RequireProvider';

const PAGE_SIZE = 10;
const STATUSES: OfferStatus[] = ['DRAFT', 'PUBLISHED', 'PAUSED', 'SUSPENDED', 'CLOSED'];
/** What an organisation not (or no longer) approved can do with its offers. */
const STANDING = {
  PENDING: 'offers.providerStanding.PENDING',
  SUSPENDED: 'offers.providerStanding.SUSPENDED',
  REJECTED: 'offers.providerStanding.REJECTED',
} as const;

function OfferList({ provider, onDone }: { provider: ProviderFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OfferStatus | ''>('');
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(MyOffersDocument, {
    variables: { filter: status ? { status } : {}, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const offers = data?.myOffers;

  return (
    <>
      {provider.verificationStatus !== 'APPROVED' ? <p className="alert alert-warning">{t(STANDING[provider.verificationStatus])}</p> : null}
      <p className="d-flex flex-wrap gap-3">
        <Link className="btn btn-primary" to={PATHS.providerOfferNew}>
          {t('offers.new')}
        </Link>
        <Link className="btn btn-outline-primary" to={PATHS.providerOfferImport}>
          {t('offerImport.link')}
        </Link>
      </p>
      <FilterButtons
        label={t('offers.filter')}
        options={[{ value: '', label: t('offers.filterAll') }, ...STATUSES.map((value) => ({ value, label: t(`offers.statusFilters.${value}`) }))]}
        value={status}
        onChange={(value) => {
          setStatus(value);
          paging.reset();
        }}
      />
      <PagedResults paging={paging} page={offers} error={error} empty={status ? t('offers.emptyFiltered') : t('offers.empty')}>
        {(page) => (
          <>
            <p>{t('offers.count', { count: page.totalCount })}</p>
            <ul className="list-unstyled">
              {page.items.map((offer) => (
                <OfferCard key={offer.id} offer={offer} onDone={onDone} />
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}

export function OffersPage() {
  const { t } = useTranslation();
  const arrived = useArrivedNotice();
  const { notice, announce } = useNotice(arrived);
  return (
    <>
      <PageTitle title={t('offers.title')}>{t('offers.title')}</PageTitle>
      <p className="lead">{t('offers.lead')}</p>
      <StatusNotice {...notice} />
      <RequireProvider>{(provider) => <OfferList provider={provider} onDone={announce} />}</RequireProvider>
    </>
  );
}
