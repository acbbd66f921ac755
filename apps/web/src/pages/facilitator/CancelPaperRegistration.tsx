import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { CancelPaperRegistrationDocument, DelegatedShopsDocument } from '../../gql/generated';

interface Props {
  delegationId: string;
  shopName: string;
  onDone: (message: string) => void;
}

/**
 * For a shop registered on paper by mistake that nobody has claimed: the registration undone. What
 * goes, that the Partita IVA becomes free and that it cannot be undone are said before the password
 * is asked, as for the deletion of the account. A refusal (a match or a call application the
 * programme keeps, another facilitator acting for the shop) stays in the form; the desk is refreshed
 * only after a success, as StopActingFor does.
 */
export function CancelPaperRegistration({ delegationId, shopName, onDone }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  // The shop has left the list when the success is announced.
  const [cancel, { loading }] = useMutation(CancelPaperRegistrationDocument, {
    refetchQueries: ({ data }) => (data?.cancelPaperRegistration.__typename === 'PaperRegistrationCancelled' ? [DelegatedShopsDocument] : []),
    awaitRefetchQueries: true,
  });
  const labels = { password: t('desk.cancelRegistration.password') };
  const { errors, attempt, send, dismiss } = useFormErrors(labels);
  const prefix = `cancel-registration-${delegationId}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = await send('PaperRegistrationCancelled', async () => (await cancel({ variables: { input: { delegationId, password } } })).data?.cancelPaperRegistration);
    if (done) onDone(t('desk.cancelRegistration.done', { shop: shopName }));
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-sm btn-outline-danger mt-2" onClick={() => setOpen(true)}>
        {t('desk.cancelRegistration.open')}
        <span className="visually-hidden"> {shopName}</span>
      </button>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-2" aria-label={t('desk.cancelRegistration.form', { shop: shopName })} aria-describedby={`${prefix}-text`}>
      <p className="small" id={`${prefix}-text`}>
        {t('desk.cancelRegistration.text')}
      </p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={t('desk.cancelRegistration.refused', { shop: shopName })} />
      <TextField
        id={`${prefix}-password`}
        label={labels.password}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(value) => {
          setPassword(value);
          dismiss('password');
        }}
        error={errors.fields.password}
      />
      <div className="d-flex flex-wrap gap-3">
        <button type="submit" className="btn btn-danger" disabled={loading} aria-disabled={loading}>
          {loading ? t('common.sending') : t('desk.cancelRegistration.submit')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(false)}>
          {t('desk.cancelRegistration.keep')}
        </button>
      </div>
    </form>
  );
}
