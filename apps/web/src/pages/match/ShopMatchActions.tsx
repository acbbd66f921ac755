import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { CompleteMatchDocument, ConfirmMatchActiveDocument, WithdrawMatchDocument, type MatchDetailFieldsFragment } from '../../gql/generated';
import { AFTER_MATCH_STEP, useMatchStep } from './use-match-step';
import { OPEN_STATES } from './MatchStateBadge';

interface Props {
  match: MatchDetailFieldsFragment;
  onDone: (message: string) => void;
}

/** What the shop can do now: confirm the service is running, complete it, or give it up. */
export function ShopMatchActions({ match, onDone }: Props) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const completion = useConfirmation();
  // The withdrawal's form takes its button's place: the focus goes to its field, and back on cancel.
  const focusAfter = useFocusAfter();
  const openWithdrawal = (): void => {
    focusAfter(byId('match-reason'));
    setWithdrawing(true);
  };
  const cancelWithdrawal = (): void => {
    focusAfter(byId('match-withdraw'));
    setWithdrawing(false);
  };
  // Leaving a waitlist gives up no service: its words say so.
  const waiting = match.state === 'WAITLISTED';
  const step = useMatchStep({ reason: t('matches.withdrawReason') });
  const options = { refetchQueries: AFTER_MATCH_STEP };
  const [confirmActive, confirming] = useMutation(ConfirmMatchActiveDocument, options);
  const [complete, completing] = useMutation(CompleteMatchDocument, options);
  const [withdraw, withdrawingNow] = useMutation(WithdrawMatchDocument, options);
  const busy = confirming.loading || completing.loading || withdrawingNow.loading;
  const variables = { id: match.id };

  const act = async (run: () => Promise<boolean>, message: string): Promise<void> => {
    if (await run()) {
      setWithdrawing(false);
      completion.close();
      onDone(message);
    }
  };
  const submitWithdraw = (event: FormEvent): void => {
    event.preventDefault();
    void act(() => step.run(async () => (await withdraw({ variables: { input: { id: match.id, reason: reason.trim() || undefined } } })).data?.withdrawMatch), waiting ? t('matches.done.leftWaitlist') : t('matches.done.withdrawn'));
  };

  // Withdrawing is possible while the match is open.
  if (!OPEN_STATES.has(match.state)) return null;
  return (
    <section aria-labelledby="match-actions-title" className="mt-4 actions-card">
      <h2 id="match-actions-title" className="h4">
        {t('matches.actionsTitle')}
      </h2>
      <ErrorSummary errors={step.errors} attempt={step.attempt} idPrefix="match" />
      {match.state === 'ACCEPTED' ? <p>{t('matches.help.confirm')}</p> : null}
      {match.state === 'ACTIVE' ? <p>{t('matches.help.complete')}</p> : null}
      {completion.asking ? (
        <ConfirmBox
          id="match-complete"
          question={t('matches.completeQuestion')}
          confirmLabel={t('matches.actions.confirmComplete')}
          cancelLabel={t('matches.actions.keepActive')}
          busy={completing.loading}
          onConfirm={() => void act(() => step.run(async () => (await complete({ variables })).data?.completeMatch), t('matches.done.completed'))}
          onCancel={completion.cancel}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {match.state === 'ACCEPTED' ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void act(() => step.run(async () => (await confirmActive({ variables })).data?.confirmMatchActive), t('matches.done.active'))}
            >
              {t('matches.actions.confirmActive')}
            </button>
          ) : null}
          {match.state === 'ACTIVE' ? (
            <button
              ref={completion.trigger}
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => {
                setWithdrawing(false);
                completion.ask();
              }}
            >
              {t('matches.actions.complete')}
            </button>
          ) : null}
          {!withdrawing ? (
            <button id="match-withdraw" type="button" className="btn btn-outline-danger" disabled={busy} onClick={openWithdrawal}>
              {waiting ? t('matches.actions.leaveWaitlist') : t('matches.actions.withdraw')}
            </button>
          ) : null}
        </div>
      )}
      {withdrawing ? (
        <form noValidate onSubmit={submitWithdraw} className="mt-3" aria-label={waiting ? t('matches.leaveWaitlistForm') : t('matches.withdrawForm')}>
          <TextField id="match-reason" label={t('matches.withdrawReason')} hint={t('matches.withdrawReasonHint')} multiline value={reason} onChange={setReason} error={step.errors.fields.reason} />
          <FormActions busy={withdrawingNow.loading} submitLabel={waiting ? t('matches.actions.confirmLeaveWaitlist') : t('matches.actions.confirmWithdraw')} onCancel={cancelWithdrawal} />
        </form>
      ) : null}
    </section>
  );
}
