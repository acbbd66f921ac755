import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { AllocationRunsDocument, CancelAllocationRunDocument } from '../../gql/generated';

/** Only a run that has not started yet can be cancelled. */
export function CancelRunButton({ runId, name, describedBy, onDone }: { runId: string; name: string; describedBy: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [cancel, { loading }] = useMutation(CancelAllocationRunDocument, { refetchQueries: [AllocationRunsDocument] });
  const { errors, attempt, failWith, failBusiness, clear } = useFormErrors({});
  const submit = async (): Promise<void> => {
    clear();
    try {
      const result = (await cancel({ variables: { id: runId } })).data?.cancelAllocationRun;
      if (result?.__typename === 'AllocationRun') onDone(t('allocation.cancelled', { name }));
      else if (result) failBusiness({ ...result, field: null });
    } catch (error) {
      failWith(error);
    }
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
