import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, SubmitButton, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { AdminAccountsDocument, CreateAdminStaffUserDocument, type UserRole } from '../../gql/generated';

const PREFIX = 'new-staff';

/** A new ministry or admin account; its generated password is shown once, here, and never again. */
export function CreateStaffForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('MINISTRY');
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const [create, { loading }] = useMutation(CreateAdminStaffUserDocument, { refetchQueries: [AdminAccountsDocument] });
  const labels = { email: t('accounts.create.email'), role: t('accounts.create.role') };
  const { errors, attempt, send } = useFormErrors(labels);
  // The one-time password is read at once: the message takes the focus when it appears.
  const createdMessage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdMessage.current?.focus();
  }, [created]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setCreated(null);
    const result = await send('StaffUserCreated', async () => (await create({ variables: { input: { email, role: role as UserRole } } })).data?.createStaffUser);
    if (result) {
      setCreated({ email: result.user.email, password: result.generatedPassword ?? null });
      setEmail('');
    }
  };

  return (
    <section aria-labelledby="new-staff-title" className="mt-5">
      <h2 id="new-staff-title" className="h3">
        {t('accounts.create.title')}
      </h2>
      {created ? (
        <div ref={createdMessage} tabIndex={-1} className="alert alert-success" role="status" data-testid="staff-created">
          <p className="mb-1">{t('accounts.create.done', { email: created.email })}</p>
          {created.password ? (
            <p className="mb-0">
              {t('accounts.create.password')} <code data-testid="generated-password">{created.password}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={PREFIX} />
        <TextField id={`${PREFIX}-email`} label={labels.email} type="email" autoComplete="off" required value={email} onChange={setEmail} error={errors.fields.email} />
        <SelectField
          id={`${PREFIX}-role`}
          label={labels.role}
          required
          placeholder={t('accounts.chooseRole')}
          value={role}
          onChange={setRole}
          options={(['MINISTRY', 'ADMIN'] as const).map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
          error={errors.fields.role}
        />
        <SubmitButton busy={loading}>{t('accounts.create.submit')}</SubmitButton>
      </form>
    </section>
  );
}
