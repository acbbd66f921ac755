import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { SubmitButton, TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { type LocalProblems, useFormErrors } from '../errors/use-form-errors';
import { LoginDocument } from '../gql/generated';
import { homePathFor, PATHS } from '../routes';
import { DigitalIdentityError } from './digital-identity/DigitalIdentityError';
import { DigitalIdentitySignIn } from './digital-identity/DigitalIdentitySignIn';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading }] = useMutation(LoginDocument);
  const labels = { email: t('login.email'), password: t('login.password') };
  const { errors, attempt, failWith, failLocalAll, changed } = useFormErrors(labels);
  const from = (location.state as { from?: string } | null)?.from;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // Empty fields are named before anything is sent: the API would only say the pair is wrong.
    const missing: LocalProblems = {};
    if (email.trim() === '') missing.email = (tr, names) => tr('errors.fieldRequired', { field: names.email });
    if (password === '') missing.password = (tr, names) => tr('errors.fieldRequired', { field: names.password });
    if (Object.keys(missing).length > 0) {
      failLocalAll(missing);
      return;
    }
    try {
      const { data } = await login({ variables: { input: { email, password, refreshTokenInCookie: true } } });
      if (!data) return;
      await signIn(data.login);
      navigate(from ?? homePathFor(data.login.user.role), { replace: true });
    } catch (error) {
      failWith(error);
    }
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-6">
        <PageTitle title={t('login.title')}>{t('login.title')}</PageTitle>
        <p className="lead">{t('login.lead')}</p>
        <DigitalIdentityError />
        <DigitalIdentitySignIn />
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="login" />
        <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
          <TextField id="login-email" label={labels.email} type="email" autoComplete="username" required value={email} onChange={changed('email', setEmail)} error={errors.fields.email} />
          <TextField
            id="login-password"
            label={labels.password}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={changed('password', setPassword)}
            error={errors.fields.password}
          />
          <SubmitButton busy={loading}>
            {t('login.submit')}
          </SubmitButton>
        </form>
        <p className="mt-4">
          <Link to={PATHS.forgotPassword}>{t('login.forgotPassword')}</Link>
        </p>
        <p className="mt-4">
          {t('login.noAccount')} <Link to={PATHS.register}>{t('login.registerLink')}</Link>
        </p>
      </div>
    </div>
  );
}
