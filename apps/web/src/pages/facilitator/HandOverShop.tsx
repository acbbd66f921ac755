import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { DelegatedShopsDocument, OfferDelegationHandoverDocument, WithdrawDelegationHandoverDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

interface Props {
  delegationId: string;
  shopName: string;
  /** The offer made to another facilitator, while it waits for an answer. */
  pending: { id: string; toFacilitatorName: string; createdAt: string } | null;
  onDone: (message: string) => void;
}

/**
 * For a shop registered on paper that nobody has claimed: offer it to another facilitator, named
 * by its e-mail, who takes the desk's place once it accepts; while the offer waits, it is said in
 * the row and can be taken back. The desk is refreshed only after a success, as StopActingFor does.
 */
export function HandOverShop({ delegationId, shopName, pending, onDone }: Props) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  // The row shows the new state when the success is announced.
  const [offer, offering] = useMutation(OfferDelegationHandoverDocument, {
    refetchQueries: ({ data }) => (data?.offerDelegationHandover.__typename === 'DelegationHandover' ? [DelegatedShopsDocument] : []),
    awaitRefetchQueries: true,
  });
  const [withdraw, withdrawing] = useMutation(WithdrawDelegationHandoverDocument, {
    refetchQueries: ({ data }) => (data?.withdrawDelegationHandover.__typename === 'DelegationHandover' ? [DelegatedShopsDocument] : []),
    awaitRefetchQueries: true,
  });
  const labels = { toEmail: t('desk.handover.email') };
  const { errors, attempt, send, dismiss } = useFormErrors(labels);
  const prefix = `handover-${delegationId}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const sent = await send('DelegationHandover', async () => (await offer({ variables: { input: { delegationId, toEmail: email } } })).data?.offerDelegationHandover);
    if (sent) {
      setOpen(false);
      setEmail('');
      onDone(t('desk.handover.offered', { shop: shopName, facilitator: sent.toFacilitatorName }));
    }
  };
  const takeBack = async (handoverId: string): Promise<void> => {
    const done = await send('DelegationHandover', async () => (await withdraw({ variables: { input: { handoverId } } })).data?.withdrawDelegationHandover);
    if (done) onDone(t('desk.handover.withdrawn', { shop: shopName }));
  };

  if (pending) {
    return (
      <div className="mt-2">
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={t('desk.handover.refused', { shop: shopName })} />
        <p className="small mb-1">{t('desk.handover.pending', { facilitator: pending.toFacilitatorName, date: date(pending.createdAt) })}</p>
        <button type="button" className="btn btn-sm btn-outline-danger" disabled={withdrawing.loading} onClick={() => void takeBack(pending.id)}>
          {t('desk.handover.withdraw')}
          <span className="visually-hidden"> {shopName}</span>
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="mt-2">
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={t('desk.handover.refused', { shop: shopName })} />
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setOpen(true)}>
          {t('desk.handover.open')}
          <span className="visually-hidden"> {shopName}</span>
        </button>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-2" aria-label={t('desk.handover.form', { shop: shopName })}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={t('desk.handover.offerRefused', { shop: shopName })} />
      <TextField
        id={`${prefix}-toEmail`}
        label={labels.toEmail}
        hint={t('desk.handover.emailHint')}
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(value) => {
          setEmail(value);
          dismiss('toEmail');
        }}
        error={errors.fields.toEmail}
      />
      <FormActions busy={offering.loading} submitLabel={t('desk.handover.submit')} onCancel={() => setOpen(false)} />
    </form>
  );
}
