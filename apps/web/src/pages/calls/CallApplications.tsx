import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { useFormErrors } from '../../errors/use-form-errors';
import { ExcludeApplicationDocument, StaffCallApplicationsDocument, type SelectionCallStatus, type StaffCallApplicationsQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { ApplicationStatusBadge } from './CallStatusBadge';

const PAGE_SIZE = 20;
type Application = StaffCallApplicationsQuery['callApplications']['items'][number];

function ExcludeForm({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  // Only the page shown is fetched again: an excluded application keeps its place, so the page stays where it is.
  const [exclude, { loading }] = useMutation(ExcludeApplicationDocument, { refetchQueries: [StaffCallApplicationsDocument], awaitRefetchQueries: true });
  const labels = { reason: t('calls.staff.exclusionReason', { shop: application.shop.name }) };
  const { errors, attempt, send } = useFormErrors(labels);
  const prefix = `exclude-${application.id}`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = await send('CallApplication', async () => (await exclude({ variables: { input: { applicationId: application.id, reason } } })).data?.excludeCallApplication);
    if (done) onDone(t('calls.staff.excluded', { shop: application.shop.name }));
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-2">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField id={`${prefix}-reason`} label={labels.reason} value={reason} onChange={setReason} error={errors.fields.reason} />
      <button type="submit" className="btn btn-outline-danger btn-sm" disabled={loading}>
        {t('calls.staff.exclude')}
      </button>
    </form>
  );
}

/** A call's applications, a page at a time with their total, in rank order once it is closed; each can be excluded while the call is open. */
export function CallApplications({ callId, callStatus, onExcluded }: { callId: string; callStatus: SelectionCallStatus; onExcluded: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = usePaging(PAGE_SIZE);
  const { data, previousData, error, loading } = useQuery(StaffCallApplicationsDocument, {
    variables: { callId, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  // While the next page loads, the one read so far stays (and is marked busy) rather than giving way to a spinner.
  const page = (data ?? previousData)?.callApplications;
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title" className="h3">
        {t('calls.staff.applicationsTitle')}
      </h2>
      <PagedResults paging={paging} page={page} error={error} busy={loading} empty={t('calls.staff.noApplications')} pagerLabel={t('calls.staff.pager')}>
        {(shown) => (
          <>
            <p data-testid="applications-count">{t('calls.staff.applications', { count: shown.totalCount })}</p>
            <ul className="list-unstyled">
              {shown.items.map((application) => (
                <li key={application.id} className="queue-card" data-testid="application-card">
                  <div className="d-flex flex-wrap justify-content-between gap-2">
                    <h3 className="h5 mb-1">
                      {application.position ? `${application.position}. ` : ''}
                      {application.shop.name}
                    </h3>
                    <ApplicationStatusBadge status={application.status} />
                  </div>
                  <p className="mb-1 small">
                    {t('calls.staff.appliedOn', { date: format.dateTime(application.submittedAt) })}
                    {application.score !== null && application.score !== undefined ? ` · ${t('calls.scoreValue', { count: application.score, score: format.number(application.score, 2) })}` : ''}
                  </p>
                  {application.exclusionReason ? <p className="mb-1">{t('calls.exclusion', { reason: application.exclusionReason })}</p> : null}
                  {callStatus === 'OPEN' && application.status === 'SUBMITTED' ? <ExcludeForm application={application} onDone={onExcluded} /> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </section>
  );
}
