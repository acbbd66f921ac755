import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
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
  const { data, error } = useQuery(ProviderApplicationsDocument, {
    variables: { filter: { ...(state === 'ALL' ? {} : { state }), ...(offerId ? { offerId } : {}) }, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const matches = data?.myMatches;

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
          setState(value);
          paging.reset();
        }}
      />
      <PagedResults paging={paging} page={matches} error={error} empty={t(`applications.empty.${state}`)}>
        {(page) => (
          <>
            <p>{t('applications.count', { count: page.totalCount })}</p>
            <ul className="list-unstyled">
              {page.items.map((match) => (
                <ApplicationCard key={match.id} match={match} onDone={onDone} />
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}

export function ApplicationsPage() {
  const { t } = useTranslation();
  const { notice, announce } = useNotice();
  return (
    <>
      <PageTitle title={t('applications.title')}>{t('applications.title')}</PageTitle>
      <p className="lead">{t('applications.lead')}</p>
      <StatusNotice {...notice} />
      <RequireProvider>{() => <ApplicationList onDone={announce} />}</RequireProvider>
    </>
  );
}
