import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, SelectField, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { AdminAccountsDocument, ChangeAdminStaffRoleDocument, SetAdminAccountStatusDocument, type AdminAccountFieldsFragment, type UserRole } from '../../gql/generated';
import { historyPath } from '../../routes';

type Action = 'disable' | 'enable' | 'changeRole';
const STAFF: UserRole[] = ['MINISTRY', 'ADMIN'];

interface Props {
  account: AdminAccountFieldsFragment;
  /** The signed-in administrator: no action on one's own account. */
  isSelf: boolean;
  onDone: (message: string) => void;
}

/** The actions on one account; each asks for a reason first, which stays in the audit trail. */
export function AccountAction({ account, isSelf, onDone }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [role, setRole] = useState<string>(account.role === 'ADMIN' ? 'MINISTRY' : 'ADMIN');
  const refetch = { refetchQueries: [AdminAccountsDocument], awaitRefetchQueries: true };
  const [setStatus, statusState] = useMutation(SetAdminAccountStatusDocument, refetch);
  const [changeRole, roleState] = useMutation(ChangeAdminStaffRoleDocument, refetch);
  const prefix = `account-${account.id}`;
  const labels = { reason: t('accounts.reason'), role: t('accounts.newRole') };
  const { errors, attempt, send, clear } = useFormErrors(labels);
  const isStaff = STAFF.includes(account.role);
  // The focus follows the reader: into the form's first field when it opens, back to the button
  // that opened it when it is left without acting (after an action, the announcement takes it).
  const returnTo = useRef<Action | null>(null);
  useEffect(() => {
    if (action) document.getElementById(action === 'changeRole' ? `${prefix}-role` : `${prefix}-reason`)?.focus();
    else if (returnTo.current) document.getElementById(`${prefix}-open-${returnTo.current}`)?.focus();
    returnTo.current = null;
  }, [action, prefix]);

  const open = (next: Action): void => {
    clear();
    setReason('');
    setAction(next);
  };
  const leave = (): void => {
    returnTo.current = action;
    setAction(null);
  };

  const finish = (message: string): void => {
    setAction(null);
    onDone(message);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // An empty reason is a missing one: the API then says it is required, not that it is short.
    const why = reason.trim() ? reason : undefined;
    if (action === 'changeRole') {
      const changed = await send('Account', async () => (await changeRole({ variables: { input: { userId: account.id, role: role as UserRole, reason: why } } })).data?.changeStaffRole);
      if (changed) finish(t('accounts.done.role', { email: changed.email, role: t(`accounts.roles.${changed.role}`) }));
    } else if (action) {
      const status = action === 'disable' ? 'DISABLED' : 'ACTIVE';
      const changed = await send('Account', async () => (await setStatus({ variables: { input: { userId: account.id, status, reason: why } } })).data?.setAccountStatus);
      if (changed) finish(t(`accounts.done.${changed.status}`, { email: changed.email }));
    }
  };

  if (action) {
    const title = t(`accounts.confirm.${action}`, { email: account.email });
    return (
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={title} className="account-action-form">
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
        {action === 'changeRole' ? (
          <SelectField
            id={`${prefix}-role`}
            label={labels.role}
            required
            placeholder={t('accounts.chooseRole')}
            value={role}
            onChange={setRole}
            options={STAFF.filter((r) => r !== account.role).map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
            error={errors.fields.role}
          />
        ) : null}
        <TextField id={`${prefix}-reason`} label={labels.reason} hint={t('accounts.reasonHint')} required multiline value={reason} onChange={setReason} error={errors.fields.reason} />
        <FormActions busy={statusState.loading || roleState.loading} submitLabel={title} onCancel={leave} />
      </form>
    );
  }

  return (
    <div className="d-flex flex-wrap gap-2">
      {isSelf || account.erasedAt ? null : account.status === 'ACTIVE' ? (
        <button id={`${prefix}-open-disable`} type="button" className="btn btn-outline-danger btn-sm" aria-describedby={`${prefix}-email`} onClick={() => open('disable')}>
          {t('accounts.actions.disable')}
        </button>
      ) : (
        <button id={`${prefix}-open-enable`} type="button" className="btn btn-outline-primary btn-sm" aria-describedby={`${prefix}-email`} onClick={() => open('enable')}>
          {t('accounts.actions.enable')}
        </button>
      )}
      {isStaff && !isSelf && !account.erasedAt ? (
        <button id={`${prefix}-open-changeRole`} type="button" className="btn btn-outline-primary btn-sm" aria-describedby={`${prefix}-email`} onClick={() => open('changeRole')}>
          {t('accounts.actions.changeRole')}
        </button>
      ) : null}
      <Link className="btn btn-link btn-sm" to={historyPath('user', account.id)} aria-describedby={`${prefix}-email`}>
        {t('accounts.actions.history')}
      </Link>
    </div>
  );
}
