import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { StatusNotice, useArrivedNotice } from '../../components/StatusNotice';
import { usePaging } from '../../components/Pagination';
import { MyCallRunnerDocument, SelectionCallListDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { callPathFor, type CallScope } from './call-scope';
import { CallStatusBadge } from './CallStatusBadge';
import { NewCallForm } from './NewCallForm';

const PAGE_SIZE = 10;

/** Staff: every call, and a new one. An authorised organisation: the calls it runs, and a new one while its authorisation is in force. */
export function CallsStaffPage({ scope = 'staff' }: { scope?: CallScope }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const paging = usePaging(PAGE_SIZE);
  // A draft deleted on its own page: said here, where the list no longer has it.
  const arrived = useArrivedNotice();
  const staff = scope === 'staff';
  const runner = useQuery(MyCallRunnerDocument, { skip: staff, fetchPolicy: 'cache-and-network' });
  const organisation = runner.data?.myFacilitator;
  const filter = staff ? {} : { organisationId: organisation?.id };
  const { data, error } = useQuery(SelectionCallListDocument, {
    variables: { first: PAGE_SIZE, offset: paging.offset, filter },
    skip: !staff && !organisation,
    fetchPolicy: 'cache-and-network',
  });
  const title = staff ? t('calls.staffTitle') : t('calls.org.title');
  const authorised = staff || Boolean(runner.data?.myCallPublisher);
  if (!staff && runner.data && !organisation) return <p>{t('calls.org.notRegistered')}</p>;
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusNotice message={arrived} arrived />
      <p className="lead">{staff ? t('calls.staffLead') : t('calls.org.lead')}</p>
      {staff ? (
        <p>
          <Link to={PATHS.callPublishers}>{t('calls.publishersLink')}</Link>
        </p>
      ) : null}
      {!staff && runner.data ? (
        <p className={authorised ? undefined : 'alert alert-warning'} data-testid="call-runner-status">
          {runner.data.myCallPublisher ? t('calls.org.authorisedSince', { date: format.date(runner.data.myCallPublisher.grantedAt) }) : t('calls.org.notAuthorised')}
        </p>
      ) : null}
      <section aria-labelledby="calls-list-title" className="mb-5">
        <h2 id="calls-list-title" className="h3">
          {staff ? t('calls.listTitle') : t('calls.org.listTitle')}
        </h2>
        <PagedResults paging={paging} page={data?.selectionCalls} error={error} empty={t('calls.empty')}>
          {(page) => (
            <ul className="list-unstyled">
              {page.items.map((call) => (
                <li key={call.id} className="queue-card" data-testid="call-card">
                  <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
                    <h3 className="h5 mb-1">
                      <Link to={pathTo(callPathFor(scope), call.id)}>{call.title}</Link>
                    </h3>
                    <CallStatusBadge status={call.status} opensAt={call.opensAt} closesAt={call.closesAt} />
                  </div>
                  <p className="mb-0 small">
                    {t('calls.cardLine', { count: call.places, date: format.endDateTime(call.closesAt) })} ·{' '}
                    {t('calls.cardRunBy', { name: call.publisher?.name ?? t('calls.ministry') })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </PagedResults>
      </section>
      {authorised && (staff || organisation) ? (
        <NewCallForm staff={staff} onCreated={(id) => navigate(pathTo(callPathFor(scope), id), { state: { notice: t('calls.created') } })} />
      ) : null}
    </>
  );
}
