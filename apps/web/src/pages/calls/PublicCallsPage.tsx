import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { SelectField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { SelectionCallListDocument, type CallFieldsFragment, type SelectionCallStatus } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { CallCardHeading } from './CallStatusBadge';
import { CallSummary } from './CallSummary';
import { useCallWindow } from './use-window-end';

const PAGE_SIZE = 10;
type Shown = '' | Exclude<SelectionCallStatus, 'DRAFT'>;

/** What a visitor may do with one call: apply (a shop, signed in or after signing in), wait for its window, or read its graduatoria. */
function PublicCallCard({ call }: { call: CallFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const { notYetOpen, windowOver } = useCallWindow(call);
  let next;
  if (call.status === 'CLOSED') next = <Link to={pathTo(PATHS.graduatoria, call.id)}>{t('calls.staff.publicList')}</Link>;
  else if (windowOver) next = <p className="mb-0">{t('calls.windowOverLead', { date: format.dateTime(call.closesAt) })}</p>;
  else if (notYetOpen) next = <p className="mb-0">{t('calls.public.opensAt', { date: format.dateTime(call.opensAt) })}</p>;
  else if (!user || user.role === 'SHOP')
    // A shop applies from its own page, where its answers and score are kept; a visitor signs in first and comes back there.
    next = (
      <Link className="btn btn-primary" to={PATHS.shopCalls}>
        {user ? t('calls.public.apply') : t('calls.public.signInToApply')}
        <span className="visually-hidden"> {call.title}</span>
      </Link>
    );
  return (
    <li className="queue-card" data-testid="public-call-card">
      <CallCardHeading call={call} />
      <CallSummary call={call} />
      {next}
    </li>
  );
}

/** Anyone: the published calls, open and closed, with their rules, how to apply and their graduatorie. */
export function PublicCallsPage() {
  const { t } = useTranslation();
  const paging = usePaging(PAGE_SIZE);
  const [shown, setShown] = useState<Shown>('');
  const { data, error } = useQuery(SelectionCallListDocument, { variables: { first: PAGE_SIZE, offset: paging.offset, filter: shown ? { status: shown } : {} } });
  return (
    <>
      <PageTitle title={t('calls.public.title')}>{t('calls.public.title')}</PageTitle>
      <p className="lead">{t('calls.public.lead')}</p>
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="public-calls-status"
            label={t('calls.public.shown')}
            value={shown}
            onChange={(value) => {
              setShown(value === 'OPEN' || value === 'CLOSED' ? value : '');
              paging.reset();
            }}
            placeholder={t('calls.public.all')}
            options={[
              { value: 'OPEN', label: t('calls.public.open') },
              { value: 'CLOSED', label: t('calls.public.closed') },
            ]}
          />
        </div>
      </div>
      <PagedResults paging={paging} page={data?.selectionCalls} error={error} empty={t('calls.noneOpen')}>
        {(page) => (
          <ul className="list-unstyled">
            {page.items.map((call) => (
              <PublicCallCard key={call.id} call={call} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
