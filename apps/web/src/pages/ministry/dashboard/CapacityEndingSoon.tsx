import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../../../components/PagedResults';
import { usePaging } from '../../../components/Pagination';
import { CapacityEndingSoonDocument, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

const PAGE_SIZE = 10;
export const ENDING_WITHIN_DAYS = 30;

/** Offers whose validity or earliest free period ends within a month: places about to disappear. */
export function CapacityEndingSoon({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = usePaging(PAGE_SIZE);
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(CapacityEndingSoonDocument, { variables: { filter, endingWithinDays: ENDING_WITHIN_DAYS, first: PAGE_SIZE, offset: paging.offset }, skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  const ending = (date: string | null | undefined, days: number | null | undefined): string => {
    if (!date) return '–';
    if (days == null) return format.date(date);
    if (days < 0) return t('dashboard.ending.past', { date: format.date(date) });
    if (days === 0) return t('dashboard.ending.today', { date: format.date(date) });
    return t('dashboard.ending.on', { date: format.date(date), count: days });
  };
  return (
    <section ref={ref} aria-labelledby="ending-title" className={sectionClass('mt-5', deferred)}>
      <h2 id="ending-title" className="h3">
        {t('dashboard.ending.title')}
      </h2>
      <PagedResults paging={paging} page={data?.capacityByOffer} error={error} empty={t('dashboard.ending.empty', { days: ENDING_WITHIN_DAYS })} pagerLabel={t('dashboard.ending.pagination')}>
        {(page) => (
          <TableScroll label={t('dashboard.ending.title')}>
            <table className="table table-sm" data-testid="capacity-ending">
              <caption>{t('dashboard.ending.caption', { count: page.totalCount, days: ENDING_WITHIN_DAYS })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.ending.offer')}</th>
                  <th scope="col" className="text-end">
                    {t('dashboard.ending.remaining')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('dashboard.ending.waitlist')}
                  </th>
                  <th scope="col">{t('dashboard.ending.validUntil')}</th>
                  <th scope="col">{t('dashboard.ending.freePeriodEnd')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.offerId}>
                    <th scope="row">
                      {item.title} <span className="text-secondary small">({item.providerName})</span>
                    </th>
                    <td className="text-end">{t('dashboard.ending.remainingOf', { remaining: format.number(item.remaining), capacity: format.number(item.capacity) })}</td>
                    <td className="text-end">{format.number(item.waitlist)}</td>
                    <td>{ending(item.validUntil, item.validityEndsInDays)}</td>
                    <td>{ending(item.nextFreePeriodEnd, item.freePeriodEndsInDays)}</td>
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
