import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, RadioGroup, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { AllocationRunsDocument, StartAllocationRunDocument, type AllocationRunMode } from '../../gql/generated';
import { instantOfItalianTime } from '../../i18n/italian-time';

/** The date and time typed, in Italy; null when either is not valid. */
const runAtOf = (date: string, time: string): string | null => instantOfItalianTime(date, time);

/** Start a preview or a commit, now or at a chosen time; a commit is confirmed first. */
export function StartRunForm({ onStarted }: { onStarted: (message: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<AllocationRunMode>('PREVIEW');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [completeSetsOnly, setCompleteSetsOnly] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [start, { loading }] = useMutation(StartAllocationRunDocument, { refetchQueries: [AllocationRunsDocument], awaitRefetchQueries: true });
  const labels = { mode: t('allocation.form.mode'), runAt: t('allocation.form.date') };
  const { errors, attempt, failWith, failLocal, clear } = useFormErrors(labels);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const runAt = when === 'later' ? runAtOf(date, time) : null;
    if (when === 'later' && !runAt) {
      failLocal('runAt', (t) => t('allocation.form.whenInvalid'));
      return;
    }
    // Said before the confirmation, not after it: a start already past cannot be scheduled.
    if (runAt && new Date(runAt).getTime() <= Date.now()) {
      failLocal('runAt', (t) => t('allocation.form.whenPast'));
      return;
    }
    clear();
    if (mode === 'COMMIT' && !confirming) {
      setConfirming(true);
      return;
    }
    try {
      const { data } = await start({ variables: { input: { mode, runAt, completeSetsOnly } } });
      setConfirming(false);
      if (data) onStarted(t(data.startAllocationRun.status === 'SCHEDULED' ? 'allocation.form.scheduled' : 'allocation.form.started', { mode: t(`allocation.modes.${mode}`) }));
    } catch (error) {
      setConfirming(false);
      failWith(error);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="actions-card" aria-labelledby="start-run-title">
      <h2 id="start-run-title" className="h3">
        {t('allocation.form.title')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="run" />
      <RadioGroup
        id="run-mode"
        legend={labels.mode}
        options={(['PREVIEW', 'COMMIT'] as const).map((value) => ({ value, label: t(`allocation.modes.${value}`), hint: t(`allocation.modeHints.${value}`) }))}
        value={mode}
        onChange={(value) => {
          setMode(value === 'COMMIT' ? 'COMMIT' : 'PREVIEW');
          setConfirming(false);
        }}
        error={errors.fields.mode}
      />
      <RadioGroup
        id="run-when"
        legend={t('allocation.form.when')}
        options={[
          { value: 'now', label: t('allocation.form.now') },
          { value: 'later', label: t('allocation.form.later') },
        ]}
        value={when}
        onChange={(value) => setWhen(value === 'later' ? 'later' : 'now')}
      />
      {when === 'later' ? (
        <div className="row">
          <div className="col-md-6">
            <TextField id="run-runAt" label={labels.runAt} type="date" required value={date} onChange={setDate} error={errors.fields.runAt} />
          </div>
          <div className="col-md-6">
            <TextField id="run-time" label={t('allocation.form.time')} hint={t('allocation.form.timeHint')} type="time" required value={time} onChange={setTime} />
          </div>
        </div>
      ) : null}
      <div className="form-check mb-3">
        <input id="run-completeSetsOnly" type="checkbox" checked={completeSetsOnly} aria-describedby="run-completeSetsOnly-hint" onChange={() => setCompleteSetsOnly(!completeSetsOnly)} />
        <label htmlFor="run-completeSetsOnly">{t('allocation.form.completeSetsOnly')}</label>
        <p id="run-completeSetsOnly-hint" className="form-text small mb-0">
          {t('allocation.form.completeSetsOnlyHint')}
        </p>
      </div>
      {confirming ? (
        <div className="confirm-box mb-3" role="alert">
          <p className="mb-0">{when === 'later' ? t('allocation.form.commitWarningLater') : t('allocation.form.commitWarning')}</p>
        </div>
      ) : null}
      <FormActions busy={loading} submitLabel={confirming ? t('allocation.form.confirmCommit') : t(`allocation.form.submit.${mode}`)} onCancel={confirming ? () => setConfirming(false) : undefined} />
    </form>
  );
}
