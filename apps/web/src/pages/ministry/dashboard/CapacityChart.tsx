import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FilterButtons } from '../../../components/FilterButtons';
import { PagedResults } from '../../../components/PagedResults';
import { usePaging } from '../../../components/Pagination';
import { CapacityByOfferDocument, CapacityByProviderDocument, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { TableScroll } from '../../../components/TableScroll';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

const PAGE_SIZE = 10;
type Grouping = 'PROVIDER' | 'OFFER';

/** A row of the burn-down: who (a provider or an offer) and its places by state. */
interface PlacesRow {
  id: string;
  name: string;
  capacity: number;
  completed: number;
  active: number;
  accepted: number;
  held: number;
  remaining: number;
  waitlist: number;
}

/** From used to free: dark to light, so the free part reads as what is left. */
const PARTS = [
  { key: 'completed', fill: '#17324d' },
  { key: 'active', fill: '#008055' },
  { key: 'accepted', fill: '#0066cc' },
  { key: 'held', fill: '#cc7a00' },
  { key: 'remaining', fill: '#dce6f0' },
] as const;

const shortName = (name: string): string => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

function useRows(grouping: Grouping, filter: MonitoringFilterInput, offset: number, deferred: boolean) {
  const variables = { filter, first: PAGE_SIZE, offset };
  const byProvider = useQuery(CapacityByProviderDocument, { variables, skip: deferred || grouping !== 'PROVIDER' });
  const byOffer = useQuery(CapacityByOfferDocument, { variables, skip: deferred || grouping !== 'OFFER' });
  if (grouping === 'PROVIDER') {
    const page = byProvider.data?.capacityByProvider;
    return { error: byProvider.error, page: page && { ...page, items: page.items.map((p): PlacesRow => ({ ...p, id: p.providerId, name: p.providerName })) } };
  }
  const page = byOffer.data?.capacityByOffer;
  return { error: byOffer.error, page: page && { ...page, items: page.items.map((o): PlacesRow => ({ ...o, id: o.offerId, name: `${o.title} (${o.providerName})` })) } };
}

function PlacesFigures({ rows, grouping }: { rows: PlacesRow[]; grouping: Grouping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = Object.fromEntries(PARTS.map((part) => [part.key, t(`dashboard.capacity.parts.${part.key}`)]));
  return (
    <>
      <div className="chart-frame chart-frame-fit" aria-hidden="true" data-testid="capacity-chart">
        <ResponsiveContainer width="100%" height={80 + rows.length * 36}>
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} tickFormatter={(value: number) => format.number(value)} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fill: '#1a1a1a', fontSize: 12 }} tickFormatter={shortName} />
            <Tooltip formatter={(value) => format.number(Number(value))} />
            <Legend itemSorter={null} formatter={(value: string) => <span className="chart-legend-text">{value}</span>} />
            {PARTS.map((part) => (
              <Bar key={part.key} dataKey={part.key} name={names[part.key]} stackId="places" fill={part.fill} stroke="#5d7083" isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2">
        <summary>{t('dashboard.capacity.asTable')}</summary>
        <TableScroll label={t('dashboard.capacity.title')}>
          <table className="table table-sm" data-testid="capacity-table">
            <caption>{t('dashboard.capacity.caption', { by: t(`dashboard.capacity.groupings.${grouping}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`dashboard.capacity.names.${grouping}`)}</th>
                <th scope="col" className="text-end">
                  {t('dashboard.capacity.capacity')}
                </th>
                {PARTS.map((part) => (
                  <th key={part.key} scope="col" className="text-end">
                    {names[part.key]}
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t('dashboard.capacity.waitlist')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td className="text-end">{format.number(row.capacity)}</td>
                  {PARTS.map((part) => (
                    <td key={part.key} className="text-end">
                      {format.number(row[part.key])}
                    </td>
                  ))}
                  <td className="text-end">{format.number(row.waitlist)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}

function PlacesPage({ grouping, filter, deferred }: { grouping: Grouping; filter: MonitoringFilterInput; deferred: boolean }) {
  const { t } = useTranslation();
  const paging = usePaging(PAGE_SIZE);
  const { page, error } = useRows(grouping, filter, paging.offset, deferred);
  useSectionSettled(Boolean(page ?? error));
  return (
    <PagedResults paging={paging} page={page} error={error} empty={t('dashboard.capacity.empty')} pagerLabel={t('dashboard.capacity.pagination')}>
      {(current) => <PlacesFigures rows={current.items} grouping={grouping} />}
    </PagedResults>
  );
}

/**
 * The capacity burn-down the CSV exports give, as a chart: for each provider (or offer), the
 * places completed, active, accepted, held for an answer and still free, the fullest first; the
 * same figures as a table for screen readers and print.
 */
export function CapacityChart({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const [grouping, setGrouping] = useState<Grouping>('PROVIDER');
  const { ref, deferred } = useOnScreen();
  return (
    <section ref={ref} aria-labelledby="capacity-title" className={sectionClass('mt-5', deferred)}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="capacity-title" className="h3 mb-0">
          {t('dashboard.capacity.title')}
        </h2>
        <FilterButtons
          className="btn-group"
          label={t('dashboard.capacity.by')}
          options={(['PROVIDER', 'OFFER'] as const).map((value) => ({ value, label: t(`dashboard.capacity.groupings.${value}`) }))}
          value={grouping}
          onChange={setGrouping}
        />
      </div>
      <p className="mt-2">{t('dashboard.capacity.lead')}</p>
      {/* Another grouping starts again from its first page. */}
      <PlacesPage key={grouping} grouping={grouping} filter={filter} deferred={deferred} />
    </section>
  );
}
