import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton, TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { RequestPasswordResetDocument } from '../../gql/generated';
import { PATHS } from '../../routes';

/** "Password dimenticata?": asks for the address; the answer is the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);
  const labels = { email: t('account.email') };
  const { errors, attempt, failWith, clear, dismiss } = useFormErrors(labels);
  const { notice, announce } = useNotice();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    clear();
    try {
      await request({ variables: { input: { email } } });
      announce(t('forgotPassword.sent', { email: email.trim() }));
    } catch (error) {
      failWith(error);
    }
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-6">
        <PageTitle title={t('forgotPassword.title')}>{t('forgotPassword.title')}</PageTitle>
        <p className="lead">{t('forgotPassword.lead')}</p>
        <StatusNotice message={notice.message} seq={notice.seq} />
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="forgot" />
        <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
          <TextField
            id="forgot-email"
            label={labels.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(value) => {
              setEmail(value);
              dismiss('email');
            }}
            error={errors.fields.email}
          />
          <SubmitButton busy={loading}>{t('forgotPassword.submit')}</SubmitButton>
        </form>
        <p className="mt-4">
          <Link to={PATHS.login}>{t('forgotPassword.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
