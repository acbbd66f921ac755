import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../../../components/PagedResults';
import { usePaging } from '../../../components/Pagination';
import { UptakeByFacilitatorDocument, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

const PAGE_SIZE = 10;

/** Uptake by intermediary within the dashboard's filter: shops each facilitator onboarded, served, and what came of it. */
export function UptakeByFacilitator({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = usePaging(PAGE_SIZE);
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(UptakeByFacilitatorDocument, { variables: { filter, first: PAGE_SIZE, offset: paging.offset }, skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  const columns = ['shopsOnboarded', 'shopsOnPaper', 'liveDelegations', 'shopsServed', 'completedMatches', 'surveyAnswers', 'answersReportingOrders'] as const;
  return (
    <section ref={ref} aria-labelledby="by-facilitator-title" className={sectionClass('mt-5', deferred)}>
      <h2 id="by-facilitator-title" className="h3">
        {t('dashboard.byFacilitator.title')}
      </h2>
      <PagedResults paging={paging} page={data?.monitoringByFacilitator} error={error} empty={t('dashboard.byFacilitator.empty')} pagerLabel={t('dashboard.byFacilitator.pagination')}>
        {(page) => (
          <TableScroll label={t('dashboard.byFacilitator.title')}>
            <table className="table table-sm" data-testid="uptake-by-facilitator">
              <caption>{t('dashboard.byFacilitator.caption', { count: page.totalCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.byFacilitator.name')}</th>
                  {columns.map((column) => (
                    <th key={column} scope="col" className="text-end">
                      {t(`dashboard.byFacilitator.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.items.map((row) => (
                  <tr key={row.facilitatorId}>
                    <th scope="row">{row.name}</th>
                    {columns.map((column) => (
                      <td key={column} className="text-end">
                        {format.number(row[column])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </PagedResults>
    </section>
  );
}
