import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { CancelHelpRequestDocument, MyHelpRequestsDocument, MyMatchesDocument, type HelpRequestFieldsFragment } from '../../gql/generated';

/** Withdrawing a request also gives up its match or waitlist place: asked twice, then done. */
export function CancelRequest({ request, onDone }: { request: HelpRequestFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [cancel, { loading }] = useMutation(CancelHelpRequestDocument, { refetchQueries: [MyHelpRequestsDocument, MyMatchesDocument] });
  const { errors, attempt, send } = useFormErrors({});
  if (request.status !== 'OPEN' && request.status !== 'MATCHED') return null;

  const submit = async (): Promise<void> => {
    if (await send('HelpRequest', async () => (await cancel({ variables: { id: request.id } })).data?.cancelHelpRequest)) {
      setConfirming(false);
      onDone(t('request.withdrawn'));
    }
  };

  return (
    <div>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="cancel-request" />
      {confirming ? (
        <div className="confirm-box" role="group" aria-labelledby="cancel-request-question">
          <p id="cancel-request-question">{request.status === 'MATCHED' ? t('request.cancelMatchedQuestion') : t('request.cancelQuestion')}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-danger" disabled={loading} onClick={() => void submit()}>
              {loading ? t('common.sending') : t('request.cancelConfirm')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
              {t('request.keep')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
          {t('request.cancel')}
        </button>
      )}
    </div>
  );
}
