import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { SelectionCallListDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { CallStatusBadge } from './CallStatusBadge';
import { NewCallForm } from './NewCallForm';

const PAGE_SIZE = 10;

/** Staff: every call, and a new one. */
export function CallsStaffPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(SelectionCallListDocument, { variables: { first: PAGE_SIZE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <PageTitle title={t('calls.staffTitle')}>{t('calls.staffTitle')}</PageTitle>
      <p className="lead">{t('calls.staffLead')}</p>
      <section aria-labelledby="calls-list-title" className="mb-5">
        <h2 id="calls-list-title" className="h3">
          {t('calls.listTitle')}
        </h2>
        <PagedResults paging={paging} page={data?.selectionCalls} error={error} empty={t('calls.empty')}>
          {(page) => (
            <ul className="list-unstyled">
              {page.items.map((call) => (
                <li key={call.id} className="queue-card" data-testid="call-card">
                  <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
                    <h3 className="h5 mb-1">
                      <Link to={pathTo(PATHS.staffCall, call.id)}>{call.title}</Link>
                    </h3>
                    <CallStatusBadge status={call.status} />
                  </div>
                  <p className="mb-0 small">{t('calls.cardLine', { places: format.number(call.places), date: format.dateTime(call.closesAt) })}</p>
                </li>
              ))}
            </ul>
          )}
        </PagedResults>
      </section>
      <NewCallForm onCreated={(id) => navigate(pathTo(PATHS.staffCall, id), { state: { notice: t('calls.created') } })} />
    </>
  );
}
