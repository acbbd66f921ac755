import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton, TextField } from '../../components/fields';
import { LoadFailed, Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { AccountStatusDocument, ChangePasswordDocument, RequestEmailChangeDocument } from '../../gql/generated';

/** "Il mio account": the address and whether it is confirmed, a new password, a new address. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(AccountStatusDocument, { fetchPolicy: 'cache-and-network' });
  const { notice, announce } = useNotice();
  const me = data?.me;
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
        <StatusNotice message={notice.message} seq={notice.seq} />
        {!me && error ? <LoadFailed /> : null}
        {!me && !error ? <Loading /> : null}
        {me ? (
          <>
            <dl className="mb-5">
              <dt>{t('account.email')}</dt>
              <dd data-testid="account-email">
                {me.email} <span className={`badge ${me.emailVerified ? 'bg-success' : 'bg-warning text-dark'}`}>{t(me.emailVerified ? 'account.verified' : 'account.notVerified')}</span>
              </dd>
            </dl>
            <ChangePasswordForm onDone={announce} />
            <ChangeEmailForm onDone={announce} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function ChangePasswordForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const labels = { currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const changed = await send('User', async () => (await change({ variables: { input: { currentPassword, newPassword } } })).data?.changePassword);
    if (!changed) return;
    setCurrent('');
    setNew('');
    onDone(t('account.passwordChanged'));
  };

  return (
    <section className="mb-5" aria-labelledby="change-password-title">
      <h2 className="h4" id="change-password-title">
        {t('account.changePassword')}
      </h2>
      <p>{t('account.changePasswordLead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="change-password" />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="change-password-currentPassword"
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(value) => {
            setCurrent(value);
            dismiss('currentPassword');
          }}
          error={errors.fields.currentPassword}
        />
        <TextField
          id="change-password-newPassword"
          label={labels.newPassword}
          type="password"
          autoComplete="new-password"
          hint={t('account.passwordHint')}
          required
          value={newPassword}
          onChange={(value) => {
            setNew(value);
            dismiss('newPassword');
          }}
          error={errors.fields.newPassword}
        />
        <SubmitButton busy={loading}>{t('account.changePasswordSubmit')}</SubmitButton>
      </form>
    </section>
  );
}

function ChangeEmailForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrent] = useState('');
  const [request, { loading }] = useMutation(RequestEmailChangeDocument);
  const labels = { newEmail: t('account.newEmail'), currentPassword: t('account.currentPassword') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const requested = await send('EmailChangeRequested', async () => {
      const result = (await request({ variables: { input: { newEmail, currentPassword } } })).data?.requestEmailChange;
      // EmailTakenError names its field under another alias (its schema differs from BusinessError's).
      return result?.__typename === 'EmailTakenError' ? { ...result, field: result.takenField } : result;
    });
    if (!requested) return;
    setNewEmail('');
    setCurrent('');
    onDone(t('account.emailChangeSent', { email: requested.newEmail }));
  };

  return (
    <section className="mb-5" aria-labelledby="change-email-title">
      <h2 className="h4" id="change-email-title">
        {t('account.changeEmail')}
      </h2>
      <p>{t('account.changeEmailLead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="change-email" />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="change-email-newEmail"
          label={labels.newEmail}
          type="email"
          autoComplete="email"
          required
          value={newEmail}
          onChange={(value) => {
            setNewEmail(value);
            dismiss('newEmail');
          }}
          error={errors.fields.newEmail}
        />
        <TextField
          id="change-email-currentPassword"
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(value) => {
            setCurrent(value);
            dismiss('currentPassword');
          }}
          error={errors.fields.currentPassword}
        />
        <SubmitButton busy={loading}>{t('account.changeEmailSubmit')}</SubmitButton>
      </form>
    </section>
  );
}
