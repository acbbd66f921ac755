import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadFailed, Loading } from '../../../components/Loading';
import { DashboardCallsDocument, type DashboardCallsQuery, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { PATHS, pathTo } from '../../../routes';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

type Counts = Pick<DashboardCallsQuery['monitoringCalls']['open'], (typeof COLUMNS)[number]>;

const COLUMNS = ['places', 'placesFilled', 'applicants', 'excluded', 'reserve', 'promotedFromReserve'] as const;
const HEADINGS = {
  places: 'dashboard.calls.places',
  placesFilled: 'dashboard.calls.placesFilled',
  applicants: 'dashboard.calls.applicants',
  excluded: 'dashboard.calls.excluded',
  reserve: 'dashboard.calls.reserve',
  promotedFromReserve: 'dashboard.calls.promoted',
} as const;

/**
 * Selection calls, open and closed: totals per status and a row per call with places, places
 * filled, applications, excluded, reserve list and promotions from it. Place and sector narrow the
 * applications counted, the category and the period the calls (see the lead).
 */
export function CallsSection({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(DashboardCallsDocument, { variables: { filter }, fetchPolicy: 'cache-and-network', skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  const cells = (counts: Counts) =>
    COLUMNS.map((column) => (
      <td key={column} className="text-end">
        {format.number(counts[column])}
      </td>
    ));
  let body;
  if (error) body = <LoadFailed />;
  else if (!data) body = <Loading />;
  else {
    const { open, closed, calls } = data.monitoringCalls;
    body = (
      <>
        <TableScroll label={t('dashboard.calls.totals')}>
          <table className="table" data-testid="dashboard-call-totals">
            <caption className="visually-hidden">{t('dashboard.calls.totals')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col" className="text-end">
                  {t('dashboard.calls.calls')}
                </th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="text-end">
                    {t(HEADINGS[column])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['open', open],
                  ['closed', closed],
                ] as const
              ).map(([status, totals]) => (
                <tr key={status}>
                  <th scope="row">{t(`dashboard.calls.${status}`)}</th>
                  <td className="text-end">{format.number(totals.calls)}</td>
                  {cells(totals)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {calls.length === 0 ? (
          <p>{t('dashboard.calls.empty')}</p>
        ) : (
          <TableScroll label={t('dashboard.calls.title')}>
            <table className="table" data-testid="dashboard-calls">
              <caption className="visually-hidden">{t('dashboard.calls.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.calls.call')}</th>
                  <th scope="col">{t('dashboard.calls.status')}</th>
                  <th scope="col">{t('dashboard.calls.runBy')}</th>
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" className="text-end">
                      {t(HEADINGS[column])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {calls.map((call) => (
                  <tr key={call.callId}>
                    <th scope="row">
                      <Link to={pathTo(PATHS.staffCall, call.callId)}>{call.title}</Link>
                    </th>
                    <td>{t(`calls.statuses.${call.status}`)}</td>
                    <td>{call.organisationName ?? t('calls.ministry')}</td>
                    {cells(call)}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </>
    );
  }
  return (
    <section ref={ref} aria-labelledby="dashboard-calls-title" className={sectionClass('mt-4 mt-lg-5', deferred)}>
      <h2 id="dashboard-calls-title" className="h3">
        {t('dashboard.calls.title')}
      </h2>
      <p>{t('dashboard.calls.lead')}</p>
      {body}
    </section>
  );
}
