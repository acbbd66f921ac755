import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DashboardCallsDocument } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { PATHS, pathTo } from '../../../routes';
import { TableScroll } from './TableScroll';

/** Published selection calls: places filled and how many wait in reserve (national; the filters do not apply). */
export function CallsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(DashboardCallsDocument, { fetchPolicy: 'cache-and-network' });
  const calls = data?.callFigures ?? [];
  return (
    <section aria-labelledby="dashboard-calls-title" className="mt-4 mt-lg-5">
      <h2 id="dashboard-calls-title" className="h3">
        {t('dashboard.calls.title')}
      </h2>
      <p>{t('dashboard.calls.lead')}</p>
      {calls.length === 0 ? (
        <p>{t('dashboard.calls.empty')}</p>
      ) : (
        <TableScroll label={t('dashboard.calls.title')}>
          <table className="table" data-testid="dashboard-calls">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.calls.call')}</th>
                <th scope="col">{t('dashboard.calls.status')}</th>
                <th scope="col" className="text-end">{t('dashboard.calls.filled')}</th>
                <th scope="col" className="text-end">{t('dashboard.calls.reserve')}</th>
                <th scope="col" className="text-end">{t('dashboard.calls.applications')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.callId}>
                  <th scope="row">
                    <Link to={pathTo(PATHS.staffCall, call.callId)}>{call.title}</Link>
                  </th>
                  <td>{t(`calls.statuses.${call.status}`)}</td>
                  <td className="text-end">{t('dashboard.calls.filledOf', { filled: format.number(call.admitted), places: format.number(call.places) })}</td>
                  <td className="text-end">{format.number(call.reserve)}</td>
                  <td className="text-end">{format.number(call.applications)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
