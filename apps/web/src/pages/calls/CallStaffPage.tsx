import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmedButton } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useArrivedNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { CloseCallDocument, DiscardCallDocument, MyCallRunnerDocument, PublishCallDocument, StaffCallApplicationsDocument, StaffCallDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { CallApplications } from './CallApplications';
import { CallSummary } from './CallSummary';
import { CallStatusBadge } from './CallStatusBadge';
import { useHasPassed, useWindowOver } from './use-window-end';
import type { CallScope } from './call-scope';

/** At most this many offers in a call (the API's MAX_CALL_OFFERS). */
const MAX_CALL_OFFERS = 20;

/** The words for the fields a refused publication names: every offer of the call, and its places. */
const publishLabels = (offer: string, places: string): Record<string, string> => ({
  ...Object.fromEntries(Array.from({ length: MAX_CALL_OFFERS }, (_x, i) => [`offerIds.${i}`, offer])),
  places,
});

/** Staff, or the authorised organisation running it: one call, its actions (publish, close) and its applications, in rank order once closed. */
export function CallStaffPage({ scope = 'staff' }: { scope?: CallScope }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const { id = '' } = useParams();
  const { notice, announce } = useNotice(useArrivedNotice());
  const { data, error } = useQuery(StaffCallDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // An organisation acts on its calls while the Ministry's authorisation is in force; revoked, it may only read them.
  const runner = useQuery(MyCallRunnerDocument, { skip: scope === 'staff', fetchPolicy: 'cache-and-network' });
  const mayAct = scope === 'staff' || Boolean(runner.data?.myCallPublisher);
  const [publish, publishing] = useMutation(PublishCallDocument, { refetchQueries: [StaffCallDocument], awaitRefetchQueries: true });
  const [discard, discarding] = useMutation(DiscardCallDocument);
  // Closing ranks the applications: the page of them shown is read again.
  const [close, closing] = useMutation(CloseCallDocument, { refetchQueries: [StaffCallDocument, StaffCallApplicationsDocument], awaitRefetchQueries: true });
  // Publishing checks the call's offers and places again: its refusals name them (`offerIds.0`, `places`), read here by the form's labels.
  const { errors: named, attempt, send } = useFormErrors(publishLabels(t('calls.form.offer'), t('calls.form.places')));
  // This page has no such fields to link to: every message is listed as it is.
  const errors = { fields: {}, general: [...named.general, ...Object.values(named.fields)] };
  // A page left open when the window ends offers the closing then, without a reload.
  useWindowOver(data?.selectionCall.status === 'OPEN' ? data.selectionCall.closesAt : null);
  useHasPassed(data?.selectionCall.status === 'OPEN' ? data.selectionCall.opensAt : null);
  if (error) return <p className="text-danger">{t('calls.notFound')}</p>;
  if (!data) return <Loading />;
  const call = data.selectionCall;
  // The call closes at the end of its window, not before: until then the page says when.
  const windowOver = new Date(call.closesAt).getTime() <= Date.now();
  const notYetOpen = new Date(call.opensAt).getTime() > Date.now();

  return (
    <>
      <PageTitle title={call.title}>{call.title}</PageTitle>
      <p>
        <CallStatusBadge status={call.status} opensAt={call.opensAt} closesAt={call.closesAt} />
      </p>
      <StatusNotice {...notice} />
      {scope === 'organisation' && runner.data && !runner.data.myCallPublisher ? (
        <p className="alert alert-warning" data-testid="call-runner-status">
          {t('calls.org.notAuthorisedCall')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="call-action" />
      <CallSummary call={call} headingLevel={2} />
      {call.drawSeed ? <p className="small">{t('calls.seed', { seed: call.drawSeed })}</p> : null}
      <div className="d-flex flex-wrap gap-2 mb-4">
        {mayAct && call.status === 'DRAFT' && !windowOver ? (
          <ConfirmedButton
            id="call-publish"
            label={t('calls.staff.publish')}
            question={
              notYetOpen
                ? t('calls.staff.publishQuestionLater', { opens: format.dateTime(call.opensAt), date: format.endDateTime(call.closesAt) })
                : t('calls.staff.publishQuestion', { date: format.endDateTime(call.closesAt) })
            }
            confirmLabel={t('calls.staff.publishConfirm')}
            cancelLabel={t('calls.staff.keep')}
            busy={publishing.loading}
            onConfirm={() =>
              send('SelectionCall', async () => (await publish({ variables: { id } })).data?.publishSelectionCall).then(
                (done) =>
                  done &&
                  announce(new Date(done.opensAt).getTime() > Date.now() ? t('calls.staff.publishedOpensLater', { opens: format.dateTime(done.opensAt) }) : t('calls.staff.published')),
              )
            }
          />
        ) : null}
        {/* A draft cannot be edited, and one whose window has ended cannot open: it is removed and made anew. */}
        {call.status === 'DRAFT' && windowOver ? <p className="mb-0 w-100">{t('calls.staff.draftWindowOver', { date: format.endDateTime(call.closesAt) })}</p> : null}
        {mayAct && call.status === 'DRAFT' ? (
          <ConfirmedButton
            id="call-discard"
            label={t('calls.staff.discard')}
            question={t('calls.staff.discardQuestion')}
            confirmLabel={t('calls.staff.discardConfirm')}
            cancelLabel={t('calls.staff.keep')}
            busy={discarding.loading}
            onConfirm={() =>
              send('DiscardedSelectionCall', async () => (await discard({ variables: { id } })).data?.discardSelectionCall).then(
                (done) => done && void navigate(scope === 'staff' ? PATHS.staffCalls : PATHS.facilitatorCalls, { state: { notice: t('calls.staff.discarded', { title: call.title }) } }),
              )
            }
          />
        ) : null}
        {call.status === 'OPEN' && notYetOpen ? <p className="mb-0">{t('calls.staff.opensLater', { opens: format.dateTime(call.opensAt), closes: format.endDateTime(call.closesAt) })}</p> : null}
        {call.status === 'OPEN' && !notYetOpen && !windowOver ? <p className="mb-0">{t('calls.staff.closesLater', { date: format.endDateTime(call.closesAt) })}</p> : null}
        {mayAct && call.status === 'OPEN' && windowOver ? (
          <ConfirmedButton
            id="call-close"
            label={t('calls.staff.close')}
            question={t('calls.staff.closeQuestion')}
            confirmLabel={t('calls.staff.closeConfirm')}
            cancelLabel={t('calls.staff.keep')}
            busy={closing.loading}
            onConfirm={() => send('SelectionCall', async () => (await close({ variables: { id } })).data?.closeSelectionCall).then((done) => done && announce(t('calls.staff.closed')))}
          />
        ) : null}
        {call.status === 'CLOSED' ? <Link to={pathTo(PATHS.graduatoria, call.id)}>{t('calls.staff.publicList')}</Link> : null}
      </div>
      {/* A call closed meanwhile is ranked anew: its applications start again from the first page. */}
      <CallApplications key={`${call.id}:${call.status}`} callId={call.id} callStatus={call.status} questions={call.questions} declarationCount={call.declarations.length} mayExclude={mayAct} onExcluded={announce} />
    </>
  );
}
