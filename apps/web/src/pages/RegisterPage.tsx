import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageMailLanguage } from '../i18n';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { FieldMessages, SubmitButton, TextField } from '../components/fields';
import { MailLanguageField } from '../components/MailLanguageField';
import { PageTitle } from '../components/PageTitle';
import { SignUpSteps } from '../components/SignUpSteps';
import { type LocalProblems, useFormErrors } from '../errors/use-form-errors';
import { type Language, PrivacyNoticeDocument, RegisterDocument } from '../gql/generated';
import { homePathFor, PATHS } from '../routes';

type SelfRole = 'SHOP' | 'PROVIDER' | 'FACILITATOR';
const ROLES: SelfRole[] = ['SHOP', 'PROVIDER', 'FACILITATOR'];

export function RegisterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [role, setRole] = useState<SelfRole | ''>(() => (ROLES.find((r) => r === params.get('ruolo')) ?? ''));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The language of the pages is a good first guess for the e-mails'.
  const [language, setLanguage] = useState<Language>(pageMailLanguage);
  const [register, { loading }] = useMutation(RegisterDocument);
  // The notice in force: signing up accepts this version, and the API records it with the account.
  const notice = useQuery(PrivacyNoticeDocument);
  const noticeVersion = notice.data?.privacyNotice.version ?? '';
  const labels = { role: t('register.role'), email: t('register.email'), password: t('register.password'), language: t('register.language') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const changing =
    (field: 'email' | 'password', change: (value: string) => void) =>
    (value: string): void => {
      change(value);
      dismiss(field);
    };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // No role chosen: sent with one the API never lets anybody sign up with (it refuses it before
    // anything else happens), so that the other fields' messages come back with the role's at once;
    // the form's own message for the role stands in for the API's.
    const local: LocalProblems = role ? {} : { role: (t) => t('register.chooseRole') };
    const input = { email, password, role: role || ('ADMIN' as const), language, refreshTokenInCookie: true, privacyNoticeVersion: noticeVersion };
    const session = await send('AuthPayload', async () => (await register({ variables: { input } })).data?.register, local);
    if (session) {
      await signIn(session);
      navigate(homePathFor(session.user.role));
    }
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <PageTitle title={t('register.title')}>{t('register.title')}</PageTitle>
        <SignUpSteps current={1} role={role} />
        <p className="lead">{t('register.lead')}</p>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="register" />
        <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
          <fieldset className="mb-4" aria-describedby={errors.fields.role ? 'register-role-error' : undefined}>
            <legend className="h5">{t('register.role')}</legend>
            {ROLES.map((value) => (
              <div className="form-check" key={value}>
                <input
                  id={`register-role-${value}`}
                  name="register-role"
                  type="radio"
                  value={value}
                  checked={role === value}
                  onChange={() => {
                    setRole(value);
                    dismiss('role');
                  }}
                  aria-describedby={`register-role-${value}-hint`}
                />
                <label htmlFor={`register-role-${value}`}>{t(`register.roles.${value}`)}</label>
                <small id={`register-role-${value}-hint`} className="form-text d-block ms-5">
                  {t(`register.roleHints.${value}`)}
                </small>
              </div>
            ))}
            <FieldMessages id="register-role" error={errors.fields.role} />
          </fieldset>
          <TextField id="register-email" label={labels.email} type="email" autoComplete="email" required value={email} onChange={changing('email', setEmail)} error={errors.fields.email} />
          <TextField
            id="register-password"
            label={labels.password}
            type="password"
            autoComplete="new-password"
            required
            hint={t('register.passwordHint')}
            value={password}
            onChange={changing('password', setPassword)}
            error={errors.fields.password}
          />
          <MailLanguageField
            id="register-language"
            value={language}
            onChange={(value) => {
              setLanguage(value);
              dismiss('language');
            }}
            error={errors.fields.language}
          />
          <p className="small">
            {t('register.privacyBefore')} <Link to={PATHS.privacy}>{t('register.privacyLink')}</Link>
            {noticeVersion ? ` ${t('register.privacyVersion', { version: noticeVersion })}` : ''}.
          </p>
          <SubmitButton busy={loading || notice.loading}>
            {t('register.submit')}
          </SubmitButton>
        </form>
        <p className="mt-4">
          {t('register.haveAccount')} <Link to={PATHS.login}>{t('register.loginLink')}</Link>
        </p>
      </div>
    </div>
  );
}
