import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../../components/Loading';
import { DashboardBundlesDocument, type DashboardBundlesQuery, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { useCategoryLabels } from '../../../i18n/use-category-labels';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

type Counts = Pick<DashboardBundlesQuery['monitoringBundles'], (typeof COLUMNS)[number]>;

const COLUMNS = ['asked', 'complete', 'partial', 'notServed', 'withdrawn'] as const;

/**
 * Bundles of services: how many were asked, how many got their complete set, part of it or
 * nothing yet, how many were withdrawn, the parts per bundle, and the combinations most asked.
 * Place and sector narrow the shops asking, the category and the period the bundles (see the lead).
 */
export function BundlesSection({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = useCategoryLabels();
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(DashboardBundlesDocument, { variables: { filter }, fetchPolicy: 'cache-and-network', skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  const headings = COLUMNS.map((column) => (
    <th key={column} scope="col" className="text-end">
      {t(`dashboard.bundles.${column}`)}
    </th>
  ));
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
    const totals = data.monitoringBundles;
    body = (
      <>
        <TableScroll label={t('dashboard.bundles.totals')}>
          <table className="table" data-testid="dashboard-bundle-totals">
            <caption className="visually-hidden">{t('dashboard.bundles.totals')}</caption>
            <thead>
              <tr>
                {headings}
                <th scope="col" className="text-end">
                  {t('dashboard.bundles.averageParts')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {cells(totals)}
                <td className="text-end">{totals.averageParts === null || totals.averageParts === undefined ? '–' : format.number(totals.averageParts, 1)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        {totals.combinations.length === 0 ? (
          <p>{t('dashboard.bundles.empty')}</p>
        ) : (
          <TableScroll label={t('dashboard.bundles.combinations')}>
            <table className="table" data-testid="dashboard-bundle-combinations">
              <caption>{t('dashboard.bundles.combinationsCaption', { count: totals.combinations.length, total: totals.combinationCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.bundles.services')}</th>
                  {headings}
                </tr>
              </thead>
              <tbody>
                {totals.combinations.map((combination) => (
                  <tr key={combination.categories.join('+')}>
                    <th scope="row">{combination.categories.map((code) => categories.label(code)).join(' + ')}</th>
                    {cells(combination)}
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
    <section ref={ref} aria-labelledby="dashboard-bundles-title" className={sectionClass('mt-4 mt-lg-5', deferred)}>
      <h2 id="dashboard-bundles-title" className="h3">
        {t('dashboard.bundles.title')}
      </h2>
      <p>{t('dashboard.bundles.lead')}</p>
      {body}
    </section>
  );
}
