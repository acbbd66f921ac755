import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton, TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { ResetPasswordDocument } from '../../gql/generated';
import { PATHS } from '../../routes';
import { useLinkToken } from './link-token';

/** Where the reset link leads: a new password, once; every session of the account then ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const { user, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [reset, { loading }] = useMutation(ResetPasswordDocument);
  const labels = { password: t('resetPassword.password') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const { notice, announce } = useNotice();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const changed = await send('User', async () => (await reset({ variables: { input: { token, password } } })).data?.resetPassword);
    if (!changed) return;
    // Every session of the account has ended: this browser's too when it is signed in to that account, not to another one.
    const same = user !== null && user.id === changed.id;
    if (same) await signOut();
    setDone(true);
    announce(user && !same ? `${t('resetPassword.done', { email: changed.email })} ${t('resetPassword.otherAccount', { email: user.email })}` : t('resetPassword.done', { email: changed.email }));
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-6">
        <PageTitle title={t('resetPassword.title')}>{t('resetPassword.title')}</PageTitle>
        <StatusNotice message={notice.message} seq={notice.seq} />
        {!token && !done ? (
          <>
            <div className="alert alert-danger" role="alert">
              {t('emailLink.missing')}
            </div>
            <p>
              <Link to={PATHS.forgotPassword}>{t('resetPassword.askAgain')}</Link>
            </p>
          </>
        ) : done ? (
          <p>
            <Link className="btn btn-primary" to={PATHS.login}>
              {t('resetPassword.toLogin')}
            </Link>
          </p>
        ) : (
          <>
            <p className="lead">{t('resetPassword.lead')}</p>
            <ErrorSummary errors={errors} attempt={attempt} idPrefix="reset" />
            {errors.general.length > 0 ? (
              <p>
                <Link to={PATHS.forgotPassword}>{t('resetPassword.askAgain')}</Link>
              </p>
            ) : null}
            <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
              <TextField
                id="reset-password"
                label={labels.password}
                type="password"
                autoComplete="new-password"
                hint={t('account.passwordHint')}
                required
                value={password}
                onChange={(value) => {
                  setPassword(value);
                  dismiss('password');
                }}
                error={errors.fields.password}
              />
              <SubmitButton busy={loading}>{t('resetPassword.submit')}</SubmitButton>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
