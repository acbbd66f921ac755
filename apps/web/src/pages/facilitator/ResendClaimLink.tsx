import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { DelegatedShopsDocument, ResendClaimLinkDocument } from '../../gql/generated';

interface Props {
  delegationId: string;
  shopName: string;
  /** The address the last link went to. */
  sentTo: string | null;
  onSent: (message: string) => void;
}

/** For a shop registered on paper and not claimed yet: the claim link again, to the same or a corrected address. */
export function ResendClaimLink({ delegationId, shopName, sentTo, onSent }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  // The desk's row then says where the new link went and until when it works.
  const [resend, { loading }] = useMutation(ResendClaimLinkDocument, {
    refetchQueries: ({ data }) => (data?.resendClaimLink.__typename === 'Delegation' ? [DelegatedShopsDocument] : []),
  });
  // With no new address the link goes to the one it went to before: a refusal of that address names it so.
  const labels = { ownerEmail: t('desk.resend.email'), delegationId: t('desk.resend.sameAddress') };
  const { errors, attempt, send, dismiss } = useFormErrors(labels);
  const prefix = `resend-${delegationId}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const ownerEmail = email.trim() || undefined;
    const sent = await send('Delegation', async () => (await resend({ variables: { input: { delegationId, ownerEmail } } })).data?.resendClaimLink);
    if (sent) {
      setOpen(false);
      setEmail('');
      const to = ownerEmail ?? sentTo;
      onSent(to ? t('desk.resend.sentTo', { shop: shopName, email: to.toLowerCase() }) : t('desk.resend.sent', { shop: shopName }));
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-sm btn-outline-primary mt-2" onClick={() => setOpen(true)}>
        {t('desk.resend.open')}
        <span className="visually-hidden"> {shopName}</span>
      </button>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-2" aria-label={t('desk.resend.form', { shop: shopName })}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField
        id={`${prefix}-ownerEmail`}
        label={labels.ownerEmail}
        hint={t('desk.resend.emailHint')}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(value) => {
          setEmail(value);
          dismiss('ownerEmail');
        }}
        error={errors.fields.ownerEmail}
      />
      <FormActions busy={loading} submitLabel={t('desk.resend.submit')} onCancel={() => setOpen(false)} />
    </form>
  );
}
