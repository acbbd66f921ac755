import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { CloseCallDocument, ExcludeApplicationDocument, PublishCallDocument, StaffCallDocument, type StaffCallQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { CallSummary } from './CallSummary';
import { ApplicationStatusBadge, CallStatusBadge } from './CallStatusBadge';

type Application = StaffCallQuery['callApplications']['items'][number];

function ExcludeForm({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [exclude, { loading }] = useMutation(ExcludeApplicationDocument, { refetchQueries: [StaffCallDocument], awaitRefetchQueries: true });
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

/** At most this many offers in a call (the API's MAX_CALL_OFFERS). */
const MAX_CALL_OFFERS = 20;

/** The words for the fields a refused publication names: every offer of the call, and its places. */
const publishLabels = (offer: string, places: string): Record<string, string> => ({
  ...Object.fromEntries(Array.from({ length: MAX_CALL_OFFERS }, (_x, i) => [`offerIds.${i}`, offer])),
  places,
});

/** Staff, or the authorised organisation running it: one call, its actions (publish, close) and its applications, in rank order once closed. */
export function CallStaffPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const { notice, announce } = useNotice((location.state as { notice?: string } | null)?.notice ?? '');
  const { data, error } = useQuery(StaffCallDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [publish, publishing] = useMutation(PublishCallDocument, { refetchQueries: [StaffCallDocument], awaitRefetchQueries: true });
  const [close, closing] = useMutation(CloseCallDocument, { refetchQueries: [StaffCallDocument], awaitRefetchQueries: true });
  // Publishing checks the call's offers and places again: its refusals name them (`offerIds.0`, `places`), read here by the form's labels.
  const { errors: named, attempt, send } = useFormErrors(publishLabels(t('calls.form.offer'), t('calls.form.places')));
  // This page has no such fields to link to: every message is listed as it is.
  const errors = { fields: {}, general: [...named.general, ...Object.values(named.fields)] };
  if (error) return <p className="text-danger">{t('calls.notFound')}</p>;
  if (!data) return <Loading />;
  const call = data.selectionCall;
  const applications = data.callApplications.items;

  return (
    <>
      <PageTitle title={call.title}>{call.title}</PageTitle>
      <p>
        <CallStatusBadge status={call.status} />
      </p>
      <StatusNotice {...notice} />
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="call-action" />
      <CallSummary call={call} headingLevel={2} />
      {call.drawSeed ? <p className="small">{t('calls.seed', { seed: call.drawSeed })}</p> : null}
      <div className="d-flex gap-2 mb-4">
        {call.status === 'DRAFT' ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={publishing.loading}
            onClick={() => void send('SelectionCall', async () => (await publish({ variables: { id } })).data?.publishSelectionCall).then((done) => done && announce(t('calls.staff.published')))}
          >
            {t('calls.staff.publish')}
          </button>
        ) : null}
        {call.status === 'OPEN' ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={closing.loading}
            onClick={() => void send('SelectionCall', async () => (await close({ variables: { id } })).data?.closeSelectionCall).then((done) => done && announce(t('calls.staff.closed')))}
          >
            {t('calls.staff.close')}
          </button>
        ) : null}
        {call.status === 'CLOSED' ? <Link to={pathTo(PATHS.graduatoria, call.id)}>{t('calls.staff.publicList')}</Link> : null}
      </div>
      <section aria-labelledby="applications-title">
        <h2 id="applications-title" className="h3">
          {t('calls.staff.applications', { count: data.callApplications.totalCount })}
        </h2>
        {applications.length === 0 ? <p>{t('calls.staff.noApplications')}</p> : null}
        <ul className="list-unstyled">
          {applications.map((application) => (
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
                {application.score !== null && application.score !== undefined ? ` · ${t('calls.scoreValue', { score: format.number(application.score, 2) })}` : ''}
              </p>
              {application.exclusionReason ? <p className="mb-1">{t('calls.exclusion', { reason: application.exclusionReason })}</p> : null}
              {call.status === 'OPEN' && application.status === 'SUBMITTED' ? <ExcludeForm application={application} onDone={announce} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
