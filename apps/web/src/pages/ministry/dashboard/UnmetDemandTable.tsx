import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../../../components/PagedResults';
import { usePaging } from '../../../components/Pagination';
import { UnmetDemandDocument, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { useCategoryLabels } from '../../../i18n/use-category-labels';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

const PAGE_SIZE = 10;

/** Where open requests wait with no offer at all or only refused ones (providers missing), or only full ones (places missing). */
export function UnmetDemandTable({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = useCategoryLabels();
  const paging = usePaging(PAGE_SIZE);
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(UnmetDemandDocument, { variables: { filter, first: PAGE_SIZE, offset: paging.offset }, skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  return (
    <section ref={ref} aria-labelledby="unmet-title" className={sectionClass('mt-5', deferred)}>
      <h2 id="unmet-title" className="h3">
        {t('dashboard.unmet.title')}
      </h2>
      <p>{t('dashboard.unmet.lead')}</p>
      {data ? (
        <p className="small" data-testid="unmet-computed-at">
          {/* The figures come from a snapshot: say when it was taken. */}
          <time dateTime={data.unmetDemand.computedAt}>{t('dashboard.unmet.computedAt', { time: format.time(data.unmetDemand.computedAt) })}</time>
        </p>
      ) : null}
      <PagedResults paging={paging} page={data?.unmetDemand} error={error} empty={t('dashboard.unmet.empty')} pagerLabel={t('dashboard.unmet.pagination')}>
        {(page) => (
          <TableScroll label={t('dashboard.unmet.title')}>
            <table className="table table-sm" data-testid="unmet-demand">
              <caption>{t('dashboard.unmet.caption', { count: page.totalCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.unmet.province')}</th>
                  <th scope="col">{t('dashboard.unmet.category')}</th>
                  <th scope="col" className="text-end">
                    {t('dashboard.unmet.coverageGap')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('dashboard.unmet.capacityGap')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('dashboard.unmet.refusedGap')}
                  </th>
                  <th scope="col" className="ps-4">
                    {t('dashboard.unmet.waitingSince')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={`${item.provinceCode}-${item.category}`}>
                    <th scope="row">
                      {item.provinceName} <span className="text-secondary small">({item.regionName})</span>
                    </th>
                    <td>{categories.label(item.category)}</td>
                    <td className="text-end">{format.number(item.coverageGap)}</td>
                    <td className="text-end">{format.number(item.capacityGap)}</td>
                    <td className="text-end">{format.number(item.refusedGap)}</td>
                    <td className="ps-4">{format.date(item.oldestWaitingSince)}</td>
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
