import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from '../../../components/ConfirmBox';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormActions, TextField } from '../../../components/fields';
import { byId, useFocusAfter } from '../../../components/use-focus-after';
import { useFormErrors } from '../../../errors/use-form-errors';
import { FacilitatorQueueDocument, ProviderQueueDocument, VerifyFacilitatorDocument, VerifyProviderDocument, type VerificationStatus } from '../../../gql/generated';

type Decision = Exclude<VerificationStatus, 'PENDING'>;

const isDecision = (status: VerificationStatus): status is Decision => status !== 'PENDING';

interface Props {
  /** A provider or a facilitator organisation: both are verified the same way. */
  organisation: { id: string; name: string; allowedDecisions: readonly VerificationStatus[]; ownerErased: boolean; updatedAt: string };
  kind: 'provider' | 'facilitator';
  onDecided: (message: string) => void;
}

/**
 * Refreshes the queue after a decision, but not after one refused because the account was erased:
 * the organisation may have left the status shown, and its card must stay to show the refusal.
 */
const afterDecision =
  (queue: typeof ProviderQueueDocument | typeof FacilitatorQueueDocument) =>
  ({ data }: { data?: Record<string, { __typename: string }> | null }) =>
    Object.values(data ?? {}).some((result) => result.__typename === 'OwnerErasedError') ? [] : [queue];

/**
 * Approve once asked twice (it e-mails the organisation and opens the catalogue to its offers, and
 * only a suspension undoes it); reject or suspend only with a reason, which the organisation will read. Nothing
 * is decided on an organisation whose account was erased: the card says so instead. Every decision
 * names the version of the details it was taken on (`seenUpdatedAt`): if the organisation changed
 * them meanwhile, the API refuses, the queue is read again and the card shows the new details
 * under the refusal.
 */
export function VerificationDecision({ organisation, kind, onDecided }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  // The account may be erased after the page was read: the API's refusal says so, and the card follows.
  const [erasedMeanwhile, setErasedMeanwhile] = useState(false);
  const [verifyProvider, providerDecision] = useMutation(VerifyProviderDocument, { refetchQueries: afterDecision(ProviderQueueDocument), awaitRefetchQueries: true });
  const [verifyFacilitator, facilitatorDecision] = useMutation(VerifyFacilitatorDocument, { refetchQueries: afterDecision(FacilitatorQueueDocument), awaitRefetchQueries: true });
  const loading = providerDecision.loading || facilitatorDecision.loading;
  const prefix = `decision-${organisation.id}`;
  const labels = { reason: t('verification.reason') };
  const { errors, attempt, send } = useFormErrors(labels);
  // "Respingi" or "Sospendi" gives way to the reason, and "Annulla" puts the buttons back: the focus follows.
  const focusAfter = useFocusAfter();
  const buttonId = (decision: Decision): string => `${prefix}-${decision}`;
  const ask = (decision: Decision): void => {
    setPending(decision);
    // The approval's question takes the focus itself (ConfirmBox); a rejection or suspension starts at its reason.
    if (decision !== 'APPROVED') focusAfter(byId(`${prefix}-reason`));
  };
  const cancel = (): void => {
    if (pending) focusAfter(byId(buttonId(pending)));
    setPending(null);
  };

  const decide = async (decision: Decision, why?: string): Promise<void> => {
    let refusal: string | undefined;
    const decided =
      kind === 'facilitator'
        ? await send('Facilitator', async () => {
            const result = (await verifyFacilitator({ variables: { input: { facilitatorId: organisation.id, decision, reason: why, seenUpdatedAt: organisation.updatedAt } } })).data?.verifyFacilitator;
            if (result && result.__typename !== 'Facilitator') refusal = result.code;
            return result;
          })
        : await send('Provider', async () => {
            const result = (await verifyProvider({ variables: { input: { providerId: organisation.id, decision, reason: why, seenUpdatedAt: organisation.updatedAt } } })).data?.verifyProvider;
            if (result && result.__typename !== 'Provider') refusal = result.code;
            return result;
          });
    if (decided) onDecided(t(`verification.done.${decision}`, { name: organisation.name }));
    if (refusal === 'OWNER_ERASED') {
      setPending(null);
      setErasedMeanwhile(true);
    }
  };

  const submitReason = (event: FormEvent): void => {
    event.preventDefault();
    if (pending) void decide(pending, reason);
  };

  if (organisation.ownerErased || erasedMeanwhile) {
    return (
      <div className="mt-3">
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
        <p className="mb-0 small" id={`${prefix}-erased`}>
          {t('verification.ownerErasedNote')}
        </p>
      </div>
    );
  }

  if (pending === 'APPROVED') {
    return (
      <div className="mt-3">
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
        <ConfirmBox
          id={`${prefix}-approve`}
          question={t(`verification.approveQuestion.${kind}`, { name: organisation.name })}
          confirmLabel={t('verification.confirm.APPROVED')}
          cancelLabel={t('common.cancel')}
          busy={loading}
          tone="primary"
          onConfirm={() => void decide('APPROVED').then(() => setPending(null))}
          onCancel={cancel}
        />
      </div>
    );
  }

  if (pending) {
    return (
      <form noValidate onSubmit={submitReason} className="decision-form mt-3" aria-label={t(`verification.confirm.${pending}`)}>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
        <TextField
          id={`${prefix}-reason`}
          label={labels.reason}
          hint={t('verification.reasonHint')}
          required
          multiline
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
        />
        <FormActions busy={loading} submitLabel={t(`verification.confirm.${pending}`)} onCancel={cancel} />
      </form>
    );
  }

  // The API says which decisions the organisation's status allows: the state machine lives there only.
  const actions = organisation.allowedDecisions.filter(isDecision);
  if (actions.length === 0) return <p className="mt-3 mb-0 small">{t('verification.noDecision')}</p>;
  return (
    <div className="mt-3">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <div className="d-flex flex-wrap gap-2">
        {actions.map((decision) => (
          <button
            key={decision}
            id={buttonId(decision)}
            type="button"
            className={decision === 'APPROVED' ? 'btn btn-primary' : 'btn btn-outline-danger'}
            disabled={loading}
            aria-describedby={`${kind}-${organisation.id}-name`}
            onClick={() => ask(decision)}
          >
            {t(`verification.actions.${decision}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
