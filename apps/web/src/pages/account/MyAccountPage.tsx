import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton, TextField } from '../../components/fields';
import { LoadFailed, Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFieldValues } from '../../errors/use-field-values';
import { useFormErrors, type FormErrorState } from '../../errors/use-form-errors';
import { useSession } from '../../auth/session-context';
import { sessionStore } from '../../auth/session-store';
import { homePathFor } from '../../routes';
import { AccountStatusDocument, ChangePasswordDocument, RequestEmailChangeDocument } from '../../gql/generated';

/** "Il mio account": the address and whether it is confirmed, a new password, a new address. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(AccountStatusDocument, { fetchPolicy: 'cache-and-network' });
  const { notice, announce } = useNotice();
  const { user } = useSession();
  // Asked to choose a password on arrival: once chosen, the way on to the rest of the platform.
  const wasRequired = useRef(user?.passwordChangeRequired ?? false);
  const me = data?.me;
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
        <StatusNotice message={notice.message} seq={notice.seq} />
        {user?.passwordChangeRequired ? (
          <div className="alert alert-warning" data-testid="password-change-required">
            <h2 className="h5">{t('account.passwordChangeRequiredTitle')}</h2>
            <p className="mb-0">{t('account.passwordChangeRequired')}</p>
          </div>
        ) : null}
        {user && wasRequired.current && !user.passwordChangeRequired ? (
          <p>
            <Link to={homePathFor(user.role)}>{t('account.goToArea')}</Link>
          </p>
        ) : null}
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
            {user?.passwordChangeRequired ? null : <ChangeEmailForm onDone={announce} />}
          </>
        ) : null}
      </div>
    </div>
  );
}

interface SectionProps {
  id: 'change-password' | 'change-email';
  title: string;
  lead: string;
  errors: FormErrorState;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}

/** One of the page's forms: its heading, what it does, the error summary, the fields and the button. */
function AccountForm({ id, title, lead, errors, busy, submitLabel, onSubmit, children }: SectionProps) {
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <section className="mb-5" aria-labelledby={`${id}-title`}>
      <h2 className="h4" id={`${id}-title`}>
        {title}
      </h2>
      <p>{lead}</p>
      <ErrorSummary errors={errors.errors} attempt={errors.attempt} idPrefix={id} />
      <form noValidate onSubmit={submit}>
        {children}
        <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      </form>
    </section>
  );
}

const NO_PASSWORDS = { currentPassword: '', newPassword: '' };

function ChangePasswordForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const labels = { currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') };
  const form = useFormErrors(labels);
  const { values, setValues, set } = useFieldValues(NO_PASSWORDS, form.dismiss);

  const submit = async (): Promise<void> => {
    const changed = await form.send('User', async () => (await change({ variables: { input: values } })).data?.changePassword);
    if (!changed) return;
    setValues(NO_PASSWORDS);
    sessionStore.passwordChanged(changed.id);
    onDone(t('account.passwordChanged'));
  };

  return (
    <AccountForm
      id="change-password"
      title={t('account.changePassword')}
      lead={t('account.changePasswordLead')}
      errors={form}
      busy={loading}
      submitLabel={t('account.changePasswordSubmit')}
      onSubmit={submit}
    >
      <TextField
        id="change-password-currentPassword"
        label={labels.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={form.errors.fields.currentPassword}
      />
      <TextField
        id="change-password-newPassword"
        label={labels.newPassword}
        type="password"
        autoComplete="new-password"
        hint={t('account.passwordHint')}
        required
        value={values.newPassword}
        onChange={set('newPassword')}
        error={form.errors.fields.newPassword}
      />
    </AccountForm>
  );
}

const NO_EMAIL_CHANGE = { newEmail: '', currentPassword: '' };

function ChangeEmailForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [request, { loading }] = useMutation(RequestEmailChangeDocument);
  const labels = { newEmail: t('account.newEmail'), currentPassword: t('account.currentPassword') };
  const form = useFormErrors(labels);
  const { values, setValues, set } = useFieldValues(NO_EMAIL_CHANGE, form.dismiss);

  const submit = async (): Promise<void> => {
    const requested = await form.send('EmailChangeRequested', async () => {
      const result = (await request({ variables: { input: values } })).data?.requestEmailChange;
      // EmailTakenError names its field under another alias (its schema differs from BusinessError's).
      return result?.__typename === 'EmailTakenError' ? { ...result, field: result.takenField } : result;
    });
    if (!requested) return;
    setValues(NO_EMAIL_CHANGE);
    onDone(t('account.emailChangeSent', { email: requested.newEmail }));
  };

  return (
    <AccountForm
      id="change-email"
      title={t('account.changeEmail')}
      lead={t('account.changeEmailLead')}
      errors={form}
      busy={loading}
      submitLabel={t('account.changeEmailSubmit')}
      onSubmit={submit}
    >
      <TextField
        id="change-email-newEmail"
        label={labels.newEmail}
        type="email"
        autoComplete="email"
        required
        value={values.newEmail}
        onChange={set('newEmail')}
        error={form.errors.fields.newEmail}
      />
      <TextField
        id="change-email-currentPassword"
        label={labels.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={form.errors.fields.currentPassword}
      />
    </AccountForm>
  );
}
