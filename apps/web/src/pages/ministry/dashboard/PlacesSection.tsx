import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../../components/Loading';
import { DashboardBreakdownDocument, type MonitoringFilterInput } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { BreakdownTable } from './BreakdownTable';
import { isRatio, MAP_METRICS, type MapMetric } from './breakdown-metrics';
import { RegionMap } from './RegionMap';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

interface Props {
  filter: MonitoringFilterInput;
  onRegion: (regionCode: string) => void;
}

/**
 * The map colours all of Italy with the other filters applied (a place filter would leave one
 * region); the table lists the regions, or the provinces of the region chosen.
 */
export function PlacesSection({ filter, onRegion }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [metric, setMetric] = useState<MapMetric>('requests');
  const regionCode = filter.regionCode;
  const period = Boolean(filter.from || filter.to);
  const withoutPlace = { ...filter, regionCode: undefined, provinceCode: undefined };
  const { ref, deferred } = useOnScreen();
  const national = useQuery(DashboardBreakdownDocument, { variables: { by: 'REGION', filter: withoutPlace }, skip: deferred });
  const provinces = useQuery(DashboardBreakdownDocument, { variables: { by: 'PROVINCE', filter }, skip: deferred || !regionCode });
  useSectionSettled(Boolean(national.data ?? national.error) && (!regionCode || Boolean(provinces.data ?? provinces.error)));
  const formatValue = (value: number | null): string => {
    if (value === null) return '–';
    return isRatio(metric) ? format.percent(value, 0) : format.number(value);
  };
  const regions = national.data?.monitoringBreakdown;
  const heading = useRef<HTMLHeadingElement>(null);
  // The region's button gives way to its provinces' table: the reader goes on from this section's heading.
  const chooseRegion = (code: string): void => {
    onRegion(code);
    heading.current?.focus();
  };
  const regionName = regions?.find((row) => row.code === regionCode)?.name ?? regionCode ?? '';

  let table;
  if (regionCode) {
    const rows = provinces.data?.monitoringBreakdown;
    table = rows ? <BreakdownTable rows={rows} dimension="PROVINCE" caption={t('dashboard.places.provincesCaption', { region: regionName })} period={period} /> : provinces.error ? null : <Loading />;
  } else {
    table = regions ? <BreakdownTable rows={regions} dimension="REGION" caption={t('dashboard.places.regionsCaption')} onSelect={chooseRegion} period={period} /> : national.error ? null : <Loading />;
  }

  return (
    <section ref={ref} aria-labelledby="places-title" className={sectionClass('mt-5', deferred)}>
      <h2 id="places-title" className="h3" ref={heading} tabIndex={-1}>
        {t('dashboard.places.title')}
      </h2>
      {national.error || provinces.error ? <LoadFailed /> : null}
      <div className="row">
        <div className="col-12 col-lg-5">
          <div className="select-wrapper form-group">
            <label htmlFor="map-metric" className="active">
              {t('dashboard.map.metric')}
            </label>
            <select id="map-metric" value={metric} onChange={(event) => setMetric(event.target.value as MapMetric)}>
              {MAP_METRICS.map((value) => (
                <option key={value} value={value}>
                  {t(`dashboard.metrics.${value}`)}
                </option>
              ))}
            </select>
          </div>
          {regions ? <RegionMap rows={regions} metric={metric} selectedRegion={regionCode ?? ''} formatValue={formatValue} onSelect={chooseRegion} /> : national.error ? null : <Loading />}
        </div>
        <div className="col-12 col-lg-7">{table}</div>
      </div>
    </section>
  );
}
