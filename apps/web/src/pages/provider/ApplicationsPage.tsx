import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination, usePaging } from '../../components/Pagination';
import { StatusNotice } from '../../components/StatusNotice';
import { OfferDocument, ProviderApplicationsDocument, type MatchState } from '../../gql/generated';
import { PATHS } from '../../routes';
import { ApplicationCard } from './ApplicationCard';
import { RequireProvider } from './RequireProvider';

const PAGE_SIZE = 10;
/** What a provider looks at, most urgent first; "all" shows every state. */
const FILTERS = ['PENDING', 'ACCEPTED', 'ACTIVE', 'WAITLISTED', 'COMPLETED', 'ALL'] as const satisfies readonly (MatchState | 'ALL')[];
type Filter = (typeof FILTERS)[number];

function ApplicationList({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const offerId = params.get('offerta') ?? undefined;
  const [state, setState] = useState<Filter>('PENDING');
  const paging = usePaging(PAGE_SIZE);
  const offer = useQuery(OfferDocument, { variables: { id: offerId ?? '' }, skip: !offerId }).data?.offer;
  const { data, loading, error } = useQuery(ProviderApplicationsDocument, {
    variables: { filter: { ...(state === 'ALL' ? {} : { state }), ...(offerId ? { offerId } : {}) }, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const matches = data?.myMatches;

  let body;
  if (loading && !matches) body = <Loading />;
  else if (error || !matches) body = <p className="alert alert-danger">{t('errors.loadFailed')}</p>;
  else if (matches.items.length === 0) body = <p className="empty-state">{t(`applications.empty.${state}`)}</p>;
  else {
    body = (
      <>
        <p>{t('applications.count', { count: matches.totalCount })}</p>
        <ul className="list-unstyled">
          {matches.items.map((match) => (
            <ApplicationCard key={match.id} match={match} onDone={onDone} />
          ))}
        </ul>
        <Pagination paging={paging} totalCount={matches.totalCount} hasNextPage={matches.hasNextPage} />
      </>
    );
  }

  return (
    <>
      {offerId ? (
        <p className="next-card">
          {t('applications.onlyOffer', { title: offer?.title ?? '…' })} <Link to={PATHS.providerApplications}>{t('applications.allOffers')}</Link>
        </p>
      ) : null}
      <FilterButtons
        label={t('applications.filter')}
        options={FILTERS.map((value) => ({ value, label: t(`applications.filters.${value}`) }))}
        value={state}
        onChange={(value) => {
          setState(FILTERS.find((f) => f === value) ?? 'PENDING');
          paging.reset();
        }}
      />
      <div ref={paging.resultsRef} tabIndex={-1} className="queue-results">
        {body}
      </div>
    </>
  );
}

export function ApplicationsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  return (
    <>
      <PageTitle title={t('applications.title')}>{t('applications.title')}</PageTitle>
      <p className="lead">{t('applications.lead')}</p>
      <StatusNotice message={notice} />
      <RequireProvider>{() => <ApplicationList onDone={setNotice} />}</RequireProvider>
    </>
  );
}
