import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { HelpRequestDocument, MyMatchesDocument, type HelpRequestFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { MatchStateBadge, OPEN_STATES } from '../match/MatchStateBadge';
import { CancelRequest } from './CancelRequest';
import { EditRequestDescription } from './EditRequestDescription';
import { OtherOffers } from './OtherOffers';
import { Recommendations } from './Recommendations';
import { RequestStatusBadge } from './RequestStatusBadge';
import { useRefreshWhenShown } from '../../components/use-refresh-when-shown';

function RequestMatches({ request }: { request: HelpRequestFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(MyMatchesDocument, { variables: { filter: { helpRequestId: request.id }, first: 20, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const matches = data?.myMatches.items ?? [];
  const open = matches.find((m) => OPEN_STATES.has(m.state));
  return (
    <>
      {matches.length > 0 ? (
        <section aria-labelledby="request-matches-title" className="mt-4">
          <h2 id="request-matches-title" className="h3">
            {t('request.matchesTitle')}
          </h2>
          <ul className="list-unstyled">
            {matches.map((match) => (
              <li key={match.id} className="queue-card d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span>
                  <Link to={pathTo(PATHS.shopMatch, match.id)}>{match.offer.title}</Link>
                  <span className="small d-block">{t('request.matchSince', { provider: match.provider.name, date: format.date(match.createdAt) })}</span>
                </span>
                <MatchStateBadge state={match.state} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {request.status === 'OPEN' && !open && data ? (
        <>
          <Recommendations helpRequestId={request.id} />
          <OtherOffers helpRequestId={request.id} category={request.category} />
        </>
      ) : null}
      {open ? <p className="next-card mt-4">{t('request.inProgress')}</p> : null}
    </>
  );
}

export function RequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const { id = '' } = useParams();
  const { data, loading, refetch } = useQuery(HelpRequestDocument, { variables: { id } });
  useRefreshWhenShown(refetch);
  const { notice, announce } = useNotice();
  const request = data?.helpRequest;
  const title = request ? t('request.title', { category: label(request.category) }) : t('request.loadingTitle');

  let body;
  // A refetch (after applying or cancelling) keeps the page, with its messages, on screen.
  if (!request && loading) body = <Loading />;
  // The API answers an unknown request, or another shop's, with an error: either way it is not there.
  else if (!request) body = <p className="alert alert-danger">{t('request.notFound')}</p>;
  else {
    body = (
      <>
        <section className="profile-card" aria-label={t('request.detailsLabel')}>
          <dl className="profile-list mt-0">
            <div className="profile-row">
              <dt>{t('request.status')}</dt>
              <dd>
                <RequestStatusBadge status={request.status} />
              </dd>
            </div>
            <div className="profile-row">
              <dt>{t('request.createdAt')}</dt>
              <dd>{format.date(request.createdAt)}</dd>
            </div>
            <div className="profile-row">
              <dt>{t('request.description')}</dt>
              <dd className="written-text">{request.description}</dd>
            </div>
          </dl>
          <div className="d-flex flex-wrap gap-3 align-items-start">
            <EditRequestDescription request={request} onDone={announce} />
            <CancelRequest request={request} onDone={announce} />
          </div>
        </section>
        <RequestMatches request={request} />
      </>
    );
  }

  return (
    <>
      <p className="mb-2">
        <Link to={PATHS.shopRequests}>{t('request.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusNotice {...notice} />
      {body}
    </>
  );
}
