import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmedButton } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { AllocationRunsDocument, CancelAllocationRunDocument } from '../../gql/generated';

/** Only a run that has not started yet can be cancelled; it is asked first, as it cannot be undone. */
export function CancelRunButton({ runId, name, describedBy, onDone }: { runId: string; name: string; describedBy: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [cancel, { loading }] = useMutation(CancelAllocationRunDocument, { refetchQueries: [AllocationRunsDocument] });
  const { errors, attempt, send } = useFormErrors({});
  const prefix = `cancel-run-${runId}`;
  const submit = async (): Promise<void> => {
    if (await send('AllocationRun', async () => (await cancel({ variables: { id: runId } })).data?.cancelAllocationRun)) onDone(t('allocation.cancelled', { name }));
  };
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <ConfirmedButton
        id={prefix}
        label={t('allocation.cancel')}
        question={t('allocation.cancelQuestion', { name })}
        confirmLabel={t('allocation.cancelConfirm')}
        cancelLabel={t('allocation.cancelKeep')}
        busy={loading}
        onConfirm={submit}
        className="btn btn-outline-danger btn-sm"
        describedBy={describedBy}
      />
    </>
  );
}
