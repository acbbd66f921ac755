import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { MyCallApplicationOfDocument, SelectionCallListDocument, type CallFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { RequireShop } from '../shop/RequireShop';
import { ApplyForm } from './ApplyForm';
import { CallSummary } from './CallSummary';
import { CallCardHeading } from './CallStatusBadge';
import { MyApplication } from './MyApplication';
import { useCallWindow } from './use-window-end';

const PAGE_SIZE = 10;

function CallCard({ call, onApplied }: { call: CallFieldsFragment; onApplied: (message: string) => void }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(MyCallApplicationOfDocument, { variables: { callId: call.id }, fetchPolicy: 'cache-and-network' });
  const application = data?.myCallApplication;
  // What could keep the shop on the reserve list however it ranks (the API names only these three before applying).
  const found = data?.myCallAdmissionObstacle;
  const obstacle = found === 'SHOP_LIMIT' || found === 'CATEGORY_HELD' || found === 'NOT_REACHED' ? found : null;
  const { dateTime } = useFormat();
  // Published, but its window has not opened yet, or has ended and the ranking is being made: said so, with no form to fill in.
  const { notYetOpen, windowOver } = useCallWindow(call);
  // Rules the shop fails by what it is (sector, size, place): said before the form, which would only be refused.
  const ineligible = data?.myCallIneligibility ?? [];
  return (
    <li className="queue-card" data-testid="shop-call-card">
      <CallCardHeading call={call} />
      <CallSummary call={call} />
      {call.status === 'CLOSED' ? <Link to={pathTo(PATHS.graduatoria, call.id)}>{t('calls.staff.publicList')}</Link> : null}
      {loading && !data ? <Loading /> : null}
      {application ? <MyApplication application={application} /> : null}
      {!application && data && notYetOpen ? <p className="alert alert-info">{t('calls.opensAt', { date: dateTime(call.opensAt) })}</p> : null}
      {!application && call.status === 'OPEN' && ineligible.length > 0 ? (
        <div className="alert alert-warning" data-testid="call-not-for-you">
          <p className="mb-1">{t('calls.notForYou')}</p>
          <ul className="mb-0">
            {ineligible.map((reason) => (
              <li key={reason.code}>{inLanguage(reason.message, reason.messageIt)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!application && data && windowOver ? (
        <p className="alert alert-info" data-testid="call-window-over">
          {t('calls.windowOverLead', { date: dateTime(call.closesAt) })}
        </p>
      ) : null}
      {(!application || application.status === 'SUBMITTED') && obstacle && call.status === 'OPEN' && !windowOver && ineligible.length === 0 ? (
        <p className="alert alert-warning" data-testid="admission-obstacle">
          {t(`calls.admissionObstacles.${obstacle}`)}
        </p>
      ) : null}
      {!application && data && call.status === 'OPEN' && !notYetOpen && !windowOver && ineligible.length === 0 ? <ApplyForm call={call} onApplied={onApplied} /> : null}
    </li>
  );
}

/** Shops: the calls they may apply to, and how their applications fared. */
export function ShopCallsPage() {
  const { t } = useTranslation();
  const { notice, announce } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(SelectionCallListDocument, { variables: { first: PAGE_SIZE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <PageTitle title={t('calls.shopTitle')}>{t('calls.shopTitle')}</PageTitle>
      <p className="lead">{t('calls.shopLead')}</p>
      <StatusNotice {...notice} />
      <RequireShop>
        {() => (
          <PagedResults paging={paging} page={data?.selectionCalls} error={error} empty={t('calls.noneOpen')}>
            {(page) => (
              <ul className="list-unstyled">
                {page.items.map((call) => (
                  <CallCard key={call.id} call={call} onApplied={announce} />
                ))}
              </ul>
            )}
          </PagedResults>
        )}
      </RequireShop>
    </>
  );
}
