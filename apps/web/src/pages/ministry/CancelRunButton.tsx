import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { AllocationRunsDocument, CancelAllocationRunDocument } from '../../gql/generated';

/** Only a run that has not started yet can be cancelled. */
export function CancelRunButton({ runId, name, describedBy, onDone }: { runId: string; name: string; describedBy: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [cancel, { loading }] = useMutation(CancelAllocationRunDocument, { refetchQueries: [AllocationRunsDocument] });
  const { errors, attempt, send } = useFormErrors({});
  const submit = async (): Promise<void> => {
    if (await send('AllocationRun', async () => (await cancel({ variables: { id: runId } })).data?.cancelAllocationRun)) onDone(t('allocation.cancelled', { name }));
  };
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={`cancel-run-${runId}`} />
      <button type="button" className="btn btn-outline-danger btn-sm" disabled={loading} aria-describedby={describedBy} onClick={() => void submit()}>
        {t('allocation.cancel')}
      </button>
    </>
  );
}
