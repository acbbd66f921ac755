import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShopVoice } from '../../auth/acting-for';
import { Link } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useArrivedNotice } from '../../components/StatusNotice';
import { MyHelpRequestBundlesDocument, MyHelpRequestsDocument, type HelpRequestStatus } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { RequestStatusBadge } from './RequestStatusBadge';
import { RequireShop } from './RequireShop';

const PAGE_SIZE = 10;
const STATUSES: HelpRequestStatus[] = ['OPEN', 'MATCHED', 'FULFILLED', 'CANCELLED'];

/** The shop's bundles (several services asked together), each leading to its sets of offers. */
function MyBundles() {
  const { t } = useTranslation();
  const { label } = useCategoryLabels();
  const { data } = useQuery(MyHelpRequestBundlesDocument, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const bundles = data?.myHelpRequestBundles.items ?? [];
  if (bundles.length === 0) return null;
  return (
    <section aria-labelledby="bundles-title" className="mb-4">
      <h2 className="h4" id="bundles-title">
        {t('bundle.listTitle')}
      </h2>
      <ul>
        {bundles.map((bundle) => (
          <li key={bundle.id}>
            <Link to={pathTo(PATHS.shopBundle, bundle.id)}>{bundle.categories.map(label).join(' + ')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestList() {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const [status, setStatus] = useState<HelpRequestStatus | ''>('');
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(MyHelpRequestsDocument, {
    variables: { filter: status ? { status } : {}, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const requests = data?.myHelpRequests;

  const empty = (
    <div className="empty-state">
      <p>{status ? t('requests.emptyFiltered') : t('requests.empty')}</p>
      <Link className="btn btn-primary" to={PATHS.shopNeeds}>
        {t('requests.askLink')}
      </Link>
    </div>
  );

  return (
    <>
      <div className="d-flex flex-wrap gap-3 mb-4">
        <Link className="btn btn-primary" to={PATHS.shopNeeds}>
          {t('requests.askLink')}
        </Link>
        <Link className="btn btn-outline-primary" to={PATHS.shopBundleNew}>
          {t('bundle.askLink')}
        </Link>
      </div>
      <MyBundles />
      <FilterButtons
        label={t('requests.filter')}
        options={[{ value: '', label: t('requests.filterAll') }, ...STATUSES.map((value) => ({ value, label: t(`requests.statuses.${value}`) }))]}
        value={status}
        onChange={(value) => {
          setStatus(value);
          paging.reset();
        }}
      />
      <PagedResults paging={paging} page={requests} error={error} empty={empty}>
        {(page) => (
          <>
            <p>{t('requests.count', { count: page.totalCount })}</p>
            <ul className="list-unstyled">
              {page.items.map((request) => (
                <li key={request.id} className="queue-card">
                  <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
                    <h2 className="h4 mb-1">
                      <Link to={pathTo(PATHS.shopRequest, request.id)}>{label(request.category)}</Link>
                    </h2>
                    <RequestStatusBadge status={request.status} />
                  </div>
                  <p className="small mb-2">{t('requests.createdOn', { date: format.date(request.createdAt) })}</p>
                  <p className="mb-0 written-text">{request.description}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}

export function RequestsPage() {
  const { t } = useTranslation();
  const voice = useShopVoice();
  const notice = useArrivedNotice();
  return (
    <>
      <PageTitle title={t('requests.title', voice)}>{t('requests.title', voice)}</PageTitle>
      <p className="lead">{t('requests.lead')}</p>
      <StatusNotice message={notice} arrived />
      <RequireShop>{() => <RequestList />}</RequireShop>
    </>
  );
}
