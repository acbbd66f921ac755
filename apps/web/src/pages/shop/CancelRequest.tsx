import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { CancelHelpRequestDocument, MyHelpRequestsDocument, MyMatchesDocument, type HelpRequestFieldsFragment } from '../../gql/generated';

/** Withdrawing a request also gives up its match or waitlist place: asked twice, then done. */
export function CancelRequest({ request, onDone }: { request: HelpRequestFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  // The question takes the focus; "no" gives it back to the button, as every confirmation does.
  const confirmation = useConfirmation();
  const [cancel, { loading }] = useMutation(CancelHelpRequestDocument, { refetchQueries: [MyHelpRequestsDocument, MyMatchesDocument] });
  const { errors, attempt, send } = useFormErrors({});
  if (request.status !== 'OPEN' && request.status !== 'MATCHED') return null;

  const submit = async (): Promise<void> => {
    if (await send('HelpRequest', async () => (await cancel({ variables: { id: request.id } })).data?.cancelHelpRequest)) {
      confirmation.close();
      onDone(t('request.withdrawn'));
    }
  };

  return (
    <div>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="cancel-request" />
      {confirmation.asking ? (
        <ConfirmBox
          id="cancel-request"
          question={request.status === 'MATCHED' ? t('request.cancelMatchedQuestion') : t('request.cancelQuestion')}
          confirmLabel={t('request.cancelConfirm')}
          cancelLabel={t('request.keep')}
          busy={loading}
          onConfirm={() => void submit()}
          onCancel={confirmation.cancel}
        />
      ) : (
        <button ref={confirmation.trigger} type="button" className="btn btn-outline-danger" onClick={confirmation.ask}>
          {t('request.cancel')}
        </button>
      )}
    </div>
  );
}
