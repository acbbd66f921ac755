import { useTranslation } from 'react-i18next';
import type { DashboardKpisQuery } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { TableScroll } from '../../../components/TableScroll';

type Outcome = DashboardKpisQuery['monitoringKpis']['outcomes'][number];

/**
 * What the shops reported at each checkpoint (at completion, 30 and 90 days after activation),
 * with the number of answers, so a share of two answers is read as what it is.
 */
export function OutcomesTable({ outcomes }: { outcomes: readonly Outcome[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="outcomes-title" className="mt-4">
      <h3 id="outcomes-title" className="h4">
        {t('dashboard.outcomes.title')}
      </h3>
      <p>{t('dashboard.outcomes.lead')}</p>
      <TableScroll label={t('dashboard.outcomes.title')}>
        <table className="table" data-testid="outcomes">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.outcomes.checkpoint')}</th>
              <th scope="col" className="text-end">
                {t('dashboard.outcomes.answers')}
              </th>
              <th scope="col" className="text-end">
                {t('dashboard.outcomes.share')}
              </th>
              <th scope="col" className="text-end">
                {t('dashboard.outcomes.median')}
              </th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((row) => (
              <tr key={row.checkpoint} data-checkpoint={row.checkpoint}>
                <th scope="row">{t(`dashboard.outcomes.checkpoints.${row.checkpoint}`)}</th>
                <td className="text-end">{format.number(row.answers)}</td>
                <td className="text-end">
                  {format.percent(row.onlineOrdersShare)}
                  {row.answers > 0 ? <span className="text-secondary small"> ({t('dashboard.outcomes.of', { n: format.number(row.withOnlineOrders), total: format.number(row.answers) })})</span> : null}
                </td>
                <td className="text-end">{row.medianOrders == null ? '–' : format.number(row.medianOrders, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
