import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FilterButtons } from '../../../components/FilterButtons';
import { Loading } from '../../../components/Loading';
import { apiFormErrors } from '../../../errors/form-errors';
import { DashboardSeriesDocument, type DashboardSeriesQuery, type MonitoringFilterInput, type TimeBucket } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { TableScroll } from '../../../components/TableScroll';
import { useSectionSettled } from './dashboard-sections';

type Point = DashboardSeriesQuery['monitoringTimeSeries'][number];

/** Bootstrap Italia's primary, success and warning tones: apart in hue and in lightness. */
const SERIES = [
  { key: 'requests', color: '#0066cc', dash: undefined },
  { key: 'matches', color: '#008055', dash: '6 3' },
  { key: 'activations', color: '#995c00', dash: '2 3' },
] as const;

/**
 * Requests, matches and activations over time, with the same figures as a table for screen readers
 * and print. Its own query: a period too long for days is refused here, next to the toggle, while
 * the rest of the dashboard stays.
 */
export function TimeSeriesChart({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const [bucket, setBucket] = useState<TimeBucket>('WEEK');
  const { data, error } = useQuery(DashboardSeriesDocument, { variables: { filter, bucket } });
  useSectionSettled(Boolean(data ?? error));
  let body;
  if (data) body = <SeriesFigures points={data.monitoringTimeSeries} bucket={bucket} />;
  else if (error) {
    // "Dal: il periodo supera 400 giorni…": the API names the filter's field, the reader reads its label.
    const worded = apiFormErrors(error, { 'filter.from': t('dashboard.filter.from'), 'filter.to': t('dashboard.filter.to') }, currentLanguage(), t('errors.network'));
    const messages = [...worded.general, ...Object.values(worded.fields)];
    body = <p className="alert alert-warning mt-3">{messages.join(' ') || t('errors.loadFailed')}</p>;
  } else body = <Loading />;
  return (
    <section aria-labelledby="series-title" className="mt-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="series-title" className="h3 mb-0">
          {t('dashboard.series.title')}
        </h2>
        <FilterButtons
          className="btn-group"
          label={t('dashboard.series.bucket')}
          options={(['WEEK', 'DAY'] as const).map((value) => ({ value, label: t(`dashboard.series.buckets.${value}`) }))}
          value={bucket}
          onChange={setBucket}
        />
      </div>
      <p className="small mt-2 mb-0">{t('dashboard.series.note')}</p>
      {body}
    </section>
  );
}

function SeriesFigures({ points, bucket }: { points: Point[]; bucket: TimeBucket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = points.map((point) => ({ ...point, label: format.dayMonth(point.start) }));
  const names = Object.fromEntries(SERIES.map((s) => [s.key, t(`dashboard.series.${s.key}`)]));
  return (
    <>
      <div className="chart-frame" aria-hidden="true">
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" />
            <XAxis dataKey="label" tick={{ fill: '#1a1a1a', fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} tickFormatter={(value: number) => format.number(value)} width={48} />
            <Tooltip formatter={(value) => format.number(Number(value))} />
            <Legend />
            {SERIES.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={names[s.key]} stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2">
        <summary>{t('dashboard.series.asTable')}</summary>
        <TableScroll label={t('dashboard.series.title')}>
          <table className="table table-sm" data-testid="series-table">
            <caption>{t('dashboard.series.caption', { bucket: t(`dashboard.series.buckets.${bucket}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.series.start')}</th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col" className="text-end">
                    {names[s.key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.start}>
                  <th scope="row">{format.date(point.start)}</th>
                  {SERIES.map((s) => (
                    <td key={s.key} className="text-end">
                      {format.number(point[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
