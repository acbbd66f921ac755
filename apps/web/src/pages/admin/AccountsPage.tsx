import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { SelectField, TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { AdminAccountsDocument, type AccountFilterInput, type AccountStatus, type UserRole } from '../../gql/generated';
import { AccountAction } from './AccountAction';
import { CreateStaffForm } from './CreateStaffForm';

const PAGE_SIZE = 20;
const ROLES: UserRole[] = ['SHOP', 'PROVIDER', 'FACILITATOR', 'MINISTRY', 'ADMIN'];
const STATUSES: AccountStatus[] = ['ACTIVE', 'DISABLED'];

/** Account administration (administrators): find, disable or re-enable, change staff roles, create staff. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { notice, announce } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState<AccountFilterInput>({});
  const { data, error } = useQuery(AdminAccountsDocument, { variables: { filter, first: PAGE_SIZE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setFilter({ ...(search.trim() ? { search: search.trim() } : {}), ...(role ? { role: role as UserRole } : {}), ...(status ? { status: status as AccountStatus } : {}) });
    paging.reset();
  };

  return (
    <>
      <PageTitle title={t('accounts.title')}>{t('accounts.title')}</PageTitle>
      <p className="lead">{t('accounts.lead')}</p>
      <StatusNotice {...notice} />
      <form noValidate onSubmit={submit} aria-labelledby="accounts-search-title" className="mb-4">
        <h2 id="accounts-search-title" className="h4">
          {t('accounts.search.title')}
        </h2>
        <div className="row">
          <div className="col-md-6">
            <TextField id="accounts-search" label={t('accounts.search.text')} type="search" value={search} onChange={setSearch} />
          </div>
          <div className="col-md-3">
            <SelectField id="accounts-role" label={t('accounts.search.role')} placeholder={t('accounts.search.anyRole')} value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))} />
          </div>
          <div className="col-md-3">
            <SelectField
              id="accounts-status"
              label={t('accounts.search.status')}
              placeholder={t('accounts.search.anyStatus')}
              value={status}
              onChange={setStatus}
              options={STATUSES.map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t('accounts.search.apply')}
        </button>
      </form>
      <PagedResults paging={paging} page={data?.accounts} error={error} empty={t('accounts.empty')}>
        {(page) => (
          <>
            <p className="small">{t('accounts.count', { count: page.totalCount })}</p>
            {/* Cards, not a table: on a phone every account shows whole, with its actions and their form at full width. */}
            <ul className="list-unstyled" aria-label={t('accounts.table.caption')}>
              {page.items.map((account) => (
                <li key={account.id} className="queue-card" data-testid="account-row">
                  <h3 className="h5 mb-1 text-break" id={`account-${account.id}-email`}>
                    {account.email} {account.id === user?.id ? t('accounts.you') : null}
                  </h3>
                  <dl className="queue-facts">
                    {[
                      [t('accounts.table.organisation'), account.organisation ?? '—'],
                      [t('accounts.table.role'), t(`accounts.roles.${account.role}`)],
                      [t('accounts.table.status'), account.erasedAt ? t('accounts.erased') : t(`accounts.statuses.${account.status}`)],
                    ].map(([label, value]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <AccountAction account={account} isSelf={account.id === user?.id} onDone={announce} />
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedResults>
      <CreateStaffForm />
    </>
  );
}
