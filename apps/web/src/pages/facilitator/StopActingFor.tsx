import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { DelegatedShopsDocument, WithdrawDelegationDocument } from '../../gql/generated';

interface Props {
  delegationId: string;
  shopName: string;
  /** Registered on paper and not claimed yet: there is no owner's account to tell. */
  unclaimed: boolean;
  onDone: (message: string) => void;
}

/**
 * The facilitator stops acting for a shop of its desk: asked first, then the shop leaves the list.
 * A refusal (a paper shop that nobody else could act for) stays in the row, beside the claim link
 * it asks to send again. The desk is refreshed only after a success: a refusal changed nothing, and
 * a refreshed list could take the row, and its message, away from the reader.
 */
export function StopActingFor({ delegationId, shopName, unclaimed, onDone }: Props) {
  const { t } = useTranslation();
  const confirmation = useConfirmation();
  const [withdraw, { loading }] = useMutation(WithdrawDelegationDocument, {
    refetchQueries: ({ data }) => (data?.withdrawDelegation.__typename === 'Delegation' ? [DelegatedShopsDocument] : []),
    // The shop has left the list when the success is announced.
    awaitRefetchQueries: true,
  });
  const { errors, attempt, send } = useFormErrors({});
  const prefix = `stop-acting-${delegationId}`;

  // The focus goes to the announcement after a success, and to the error summary after a refusal.
  const submit = async (): Promise<void> => {
    const withdrawn = await send('Delegation', async () => (await withdraw({ variables: { input: { delegationId } } })).data?.withdrawDelegation);
    confirmation.close();
    if (withdrawn) onDone(t('desk.stop.done', { shop: shopName }));
  };

  return (
    <div className="mt-2">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={t('desk.stop.refused', { shop: shopName })} />
      {confirmation.asking ? (
        <ConfirmBox
          id={prefix}
          question={unclaimed ? t('desk.stop.questionUnclaimed', { shop: shopName }) : t('desk.stop.question', { shop: shopName })}
          confirmLabel={t('desk.stop.confirm')}
          cancelLabel={t('desk.stop.keep')}
          busy={loading}
          onConfirm={() => void submit()}
          onCancel={confirmation.cancel}
        />
      ) : (
        <button ref={confirmation.trigger} type="button" className="btn btn-sm btn-outline-danger" onClick={confirmation.ask}>
          {t('desk.stop.open')}
          <span className="visually-hidden"> {shopName}</span>
        </button>
      )}
    </div>
  );
}
