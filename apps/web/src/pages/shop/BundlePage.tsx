import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useArrivedNotice, useNotice } from '../../components/StatusNotice';
import { BundleRecommendationsDocument } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { OfferSetCard } from './OfferSetCard';
import { OpenSetsSection } from './OpenSetsSection';
import { RequestStatusBadge } from './RequestStatusBadge';

/** A shop's bundle: its services and their requests, and the sets of offers proposed for the open ones. */
export function BundlePage() {
  const { t } = useTranslation();
  const { label } = useCategoryLabels();
  const { id = '' } = useParams();
  const { notice, announce } = useNotice(useArrivedNotice());
  const { data, loading, error } = useQuery(BundleRecommendationsDocument, { variables: { bundleId: id }, fetchPolicy: 'cache-and-network' });
  const title = t('bundle.title');

  let body;
  if (loading && !data) body = <Loading label={t('bundle.loading')} />;
  else if (error || !data) body = <p className="alert alert-danger">{t('bundle.notFound')}</p>;
  else {
    const { helpRequestBundle: bundle, bundleRecommendations: sets } = data;
    body = (
      <>
        <section aria-labelledby="bundle-services-title">
          <h2 className="h3" id="bundle-services-title">
            {t('bundle.servicesTitle')}
          </h2>
          <ul className="list-unstyled">
            {bundle.requests.map((request) => (
              <li key={request.id} className="queue-card d-flex flex-wrap justify-content-between align-items-center gap-2">
                <Link to={pathTo(PATHS.shopRequest, request.id)}>{label(request.category)}</Link>
                <RequestStatusBadge status={request.status} />
              </li>
            ))}
          </ul>
        </section>
        <OpenSetsSection sets={bundle.openSets} onWithdrawn={announce} />
        <section aria-labelledby="bundle-sets-title" className="mt-4">
          <h2 className="h3" id="bundle-sets-title">
            {t('bundle.setsTitle')}
          </h2>
          {sets.openRequestIds.length === 0 ? (
            <p>{t('bundle.nothingOpen')}</p>
          ) : (
            <>
              <p>{t('bundle.setsLead')}</p>
              {sets.sets.length > 0 ? (
                <ol className="list-unstyled">
                  {sets.sets.map((set, index) => (
                    <OfferSetCard key={set.parts.map((p) => p.offer.id).join('-')} bundleId={bundle.id} set={set} rank={index + 1} onApplied={announce} />
                  ))}
                </ol>
              ) : (
                <>
                  <p className="alert alert-warning">{t('bundle.noComplete')}</p>
                  {sets.bestPartial ? (
                    <ul className="list-unstyled">
                      <OfferSetCard bundleId={bundle.id} set={sets.bestPartial} rank={null} onApplied={announce} />
                    </ul>
                  ) : null}
                </>
              )}
              <p className="small">{t('bundle.searchNote', { perCategory: sets.search.perCategory })}</p>
            </>
          )}
        </section>
      </>
    );
  }

  return (
    <>
      <p className="mb-2">
        <Link to={PATHS.shopRequests}>{t('bundle.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusNotice message={notice.message} seq={notice.seq} />
      {body}
    </>
  );
}
