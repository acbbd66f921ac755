import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { useFormErrors } from '../../errors/use-form-errors';
import { ExcludeApplicationDocument, StaffCallApplicationsDocument, type SelectionCallStatus, type StaffCallApplicationsQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { ApplicationStatusBadge, ReserveReason } from './CallStatusBadge';

const PAGE_SIZE = 20;
type Application = StaffCallApplicationsQuery['callApplications']['items'][number];
type CallQuestion = { code: string; text: string };

function ExcludeForm({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Only the page shown is fetched again: an excluded application keeps its place, so the page stays where it is.
  const [exclude, { loading }] = useMutation(ExcludeApplicationDocument, { refetchQueries: [StaffCallApplicationsDocument], awaitRefetchQueries: true });
  const labels = { reason: t('calls.staff.exclusionReason', { shop: application.shop.name }) };
  const { errors, attempt, send, failLocal } = useFormErrors(labels);
  const prefix = `exclude-${application.id}`;
  // An exclusion is final: the reason is asked first, then the step is confirmed.
  const ask = (event: FormEvent): void => {
    event.preventDefault();
    if (reason.trim() === '') return failLocal('reason', (tr, current) => tr('calls.staff.exclusionReasonMissing', { field: current.reason }));
    setConfirming(true);
  };
  const confirm = async (): Promise<void> => {
    const done = await send('CallApplication', async () => (await exclude({ variables: { input: { applicationId: application.id, reason } } })).data?.excludeCallApplication);
    setConfirming(false);
    if (done) onDone(t('calls.staff.excluded', { shop: application.shop.name }));
  };
  return (
    <form noValidate onSubmit={ask} className="mt-2">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField id={`${prefix}-reason`} label={labels.reason} value={reason} onChange={setReason} error={errors.fields.reason} />
      {confirming ? (
        <ConfirmBox
          id={`${prefix}-confirm`}
          question={t('calls.staff.excludeQuestion', { shop: application.shop.name })}
          confirmLabel={t('calls.staff.excludeConfirm')}
          cancelLabel={t('calls.staff.keepApplication')}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="btn btn-outline-danger btn-sm">
          {t('calls.staff.exclude')}
        </button>
      )}
    </form>
  );
}

/** What the applicant declared and answered, and its size: what staff judge an exclusion on. */
function ApplicationFacts({ application, questions, declarationCount }: { application: Application; questions: readonly CallQuestion[]; declarationCount: number }) {
  const { t } = useTranslation();
  const answers = new Map(application.answers.map((a) => [a.questionCode, a.answer]));
  return (
    <dl className="small mb-1 application-facts">
      <dt>{t('calls.staff.employees')}</dt>
      <dd>{application.employees}</dd>
      {declarationCount > 0 ? (
        <>
          <dt>{t('calls.staff.declarations')}</dt>
          <dd>{t('calls.staff.declarationsConfirmed', { count: application.declarations.length, total: declarationCount })}</dd>
        </>
      ) : null}
      {questions.map((question) => (
        <div key={question.code}>
          <dt>{question.text}</dt>
          <dd>{answers.has(question.code) ? t(answers.get(question.code) ? 'calls.apply.yes' : 'calls.apply.no') : '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A call's applications, a page at a time with their total, in rank order once it is closed; each can be excluded while the call is open. */
export function CallApplications({
  callId,
  callStatus,
  questions,
  declarationCount,
  mayExclude,
  onExcluded,
}: {
  callId: string;
  callStatus: SelectionCallStatus;
  questions: readonly CallQuestion[];
  declarationCount: number;
  /** Staff, or an organisation whose authorisation is in force. */
  mayExclude: boolean;
  onExcluded: (message: string) => void;
}) {
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
                    <span>
                      <ApplicationStatusBadge status={application.status} />
                      <ReserveReason status={application.status} reason={application.reserveReason} />
                    </span>
                  </div>
                  <p className="mb-1 small">
                    {t('calls.staff.appliedOn', { date: format.dateTime(application.submittedAt) })}
                    {application.submittedByFacilitatorName ? ` · ${t('calls.submittedBy', { organisation: application.submittedByFacilitatorName })}` : ''}
                    {application.score !== null && application.score !== undefined ? ` · ${t('calls.scoreValue', { count: application.score, score: format.number(application.score, 2) })}` : ''}
                  </p>
                  <ApplicationFacts application={application} questions={questions} declarationCount={declarationCount} />
                  {application.exclusionReason ? <p className="mb-1">{t('calls.exclusion', { reason: application.exclusionReason })}</p> : null}
                  {mayExclude && callStatus === 'OPEN' && application.status === 'SUBMITTED' ? <ExcludeForm application={application} onDone={onExcluded} /> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </section>
  );
}
