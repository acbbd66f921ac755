import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { AcceptMatchDocument, CompleteMatchDocument, DeclineMatchDocument, type ApplicationFieldsFragment } from '../../gql/generated';
import { AFTER_MATCH_STEP, useMatchStep } from './use-match-step';

interface Props {
  match: ApplicationFieldsFragment;
  onDone: (message: string) => void;
  /** The element naming the shop, when several applications share the page. */
  describedBy?: string;
}

/** The provider's answer to an application: accept, or decline with a reason the shop reads. */
export function DecisionButtons({ match, onDone, describedBy }: Props) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const completion = useConfirmation();
  const prefix = `decide-${match.id}`;
  // "Rifiuta" gives way to the reason, and "Annulla" puts it back: the focus follows, not lost at the top.
  const focusAfter = useFocusAfter();
  const declineButton = useRef<HTMLButtonElement>(null);
  // Accepted and not started yet: the provider may still give the place back, with its reason.
  const accepted = match.state === 'ACCEPTED';
  const reasonLabel = accepted ? 'applications.giveBackReason' : 'applications.declineReason';
  const startDeclining = (): void => {
    setDeclining(true);
    focusAfter(byId(`${prefix}-reason`));
  };
  const stopDeclining = (): void => {
    setDeclining(false);
    focusAfter(() => declineButton.current);
  };
  const step = useMatchStep({ reason: t(reasonLabel) });
  const options = { refetchQueries: AFTER_MATCH_STEP };
  const [accept, accepting] = useMutation(AcceptMatchDocument, options);
  const [decline, declineState] = useMutation(DeclineMatchDocument, options);
  const [complete, completing] = useMutation(CompleteMatchDocument, options);
  const busy = accepting.loading || declineState.loading || completing.loading;
  const shop = match.shop.name;

  const submitDecline = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await step.run(async () => (await decline({ variables: { input: { id: match.id, reason } } })).data?.declineMatch)) {
      onDone(t(accepted ? 'applications.done.gaveBack' : 'applications.done.declined', { shop }));
    }
  };

  if (match.state === 'ACTIVE') {
    return (
      <div className="mt-3">
        <ErrorSummary errors={step.errors} attempt={step.attempt} idPrefix={prefix} />
        {completion.asking ? (
          <ConfirmBox
            id={`${prefix}-complete`}
            question={t('applications.completeQuestion', { shop })}
            confirmLabel={t('applications.confirmComplete')}
            cancelLabel={t('applications.keepActive')}
            busy={completing.loading}
            onConfirm={() =>
              void step.run(async () => (await complete({ variables: { id: match.id } })).data?.completeMatch).then((ok) => {
                if (!ok) return;
                completion.close();
                onDone(t('applications.done.completed', { shop }));
              })
            }
            onCancel={completion.cancel}
          />
        ) : (
          <button ref={completion.trigger} type="button" className="btn btn-outline-primary" disabled={busy} aria-describedby={describedBy} onClick={completion.ask}>
            {t('applications.complete')}
          </button>
        )}
      </div>
    );
  }
  if (match.state !== 'PENDING' && !accepted) return null;
  return (
    <div className="mt-3">
      <ErrorSummary errors={step.errors} attempt={step.attempt} idPrefix={prefix} />
      {declining ? (
        <form noValidate onSubmit={(event) => void submitDecline(event)} aria-label={t(accepted ? 'applications.giveBackForm' : 'applications.declineForm', { shop })}>
          <TextField
            id={`${prefix}-reason`}
            label={t(reasonLabel)}
            hint={t('applications.declineReasonHint')}
            required
            multiline
            value={reason}
            onChange={step.changed('reason', setReason)}
            error={step.errors.fields.reason}
          />
          <FormActions busy={declineState.loading} submitLabel={t(accepted ? 'applications.confirmGiveBack' : 'applications.confirmDecline')} onCancel={stopDeclining} />
        </form>
      ) : accepted ? (
        <>
          <p className="mb-2">{t('applications.giveBackLead')}</p>
          <button ref={declineButton} type="button" className="btn btn-outline-danger" disabled={busy} aria-describedby={describedBy} onClick={startDeclining}>
            {t('applications.giveBack')}
          </button>
        </>
      ) : (
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            aria-describedby={describedBy}
            onClick={() => void step.run(async () => (await accept({ variables: { id: match.id } })).data?.acceptMatch).then((ok) => ok && onDone(t('applications.done.accepted', { shop })))}
          >
            {t('applications.accept')}
          </button>
          <button ref={declineButton} type="button" className="btn btn-outline-danger" disabled={busy} aria-describedby={describedBy} onClick={startDeclining}>
            {t('applications.decline')}
          </button>
        </div>
      )}
    </div>
  );
}
