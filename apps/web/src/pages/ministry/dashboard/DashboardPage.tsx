import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useFormErrors } from '../../../errors/use-form-errors';
import { DashboardOverviewDocument, type TimeBucket } from '../../../gql/generated';
import { PATHS } from '../../../routes';
import { CapacityEndingSoon } from './CapacityEndingSoon';
import { CsvDownloads } from './CsvDownloads';
import { DashboardFilters } from './DashboardFilters';
import { filterFromParams, paramsFromFilter, toMonitoringFilter, unreadableDates } from './dashboard-filter';
import { KpiCards } from './KpiCards';
import { PlacesSection } from './PlacesSection';
import { TimeSeriesChart } from './TimeSeriesChart';
import { TopicsSection } from './TopicsSection';
import { UnmetDemandTable } from './UnmetDemandTable';

/** Uptake, gaps and outcomes for ministry staff, narrowed by one filter kept in the address. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [bucket, setBucket] = useState<TimeBucket>('WEEK');
  const filter = filterFromParams(params);
  const unreadable = unreadableDates(filter);
  const input = toMonitoringFilter(filter);
  const labels = {
    'filter.regionCode': t('dashboard.filter.region'),
    'filter.provinceCode': t('dashboard.filter.province'),
    'filter.category': t('dashboard.filter.category'),
    'filter.atecoSection': t('dashboard.filter.sector'),
    'filter.from': t('dashboard.filter.from'),
    'filter.to': t('dashboard.filter.to'),
  };
  const form = useFormErrors(labels);
  const { failWith, failLocal, clear } = form;
  const overview = useQuery(DashboardOverviewDocument, { variables: { filter: input, bucket }, skip: unreadable.length > 0 });
  const key = params.toString();

  // The figures' query is where the API checks the filter: its field errors go next to the fields.
  const unreadableField = unreadable[0];
  useEffect(() => {
    if (unreadableField) failLocal(`filter.${unreadableField}`, () => t('dashboard.filter.notADate'));
    else if (overview.error) failWith(overview.error);
    else clear();
  }, [unreadableField, overview.error, failWith, failLocal, clear, t]);

  const apply = (next: typeof filter): void => setParams(paramsFromFilter(next));
  const valid = unreadable.length === 0 && !overview.error;

  let figures;
  if (!valid) figures = <p className="empty-state">{t('dashboard.filter.fixFirst')}</p>;
  else if (!overview.data) figures = <Loading />;
  else {
    figures = (
      <>
        <KpiCards kpis={overview.data.monitoringKpis} />
        <TimeSeriesChart points={overview.data.monitoringTimeSeries} bucket={bucket} onBucket={setBucket} />
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      <p className="lead">{t('dashboard.lead')}</p>
      <p>
        <Link to={PATHS.verification}>{t('nav.verification')}</Link> · <Link to={PATHS.allocationRuns}>{t('nav.allocationRuns')}</Link>
      </p>
      <DashboardFilters key={`filters-${key}`} filter={filter} onApply={apply} form={form} />
      <section aria-labelledby="kpi-title" className="mt-5">
        <h2 id="kpi-title" className="h3">
          {t('dashboard.kpi.title')}
        </h2>
        {figures}
      </section>
      {valid ? (
        <div key={`sections-${key}`}>
          <PlacesSection filter={input} onRegion={(regionCode) => apply({ ...filter, regionCode, provinceCode: '' })} />
          <TopicsSection filter={input} />
          <UnmetDemandTable filter={input} />
          <CapacityEndingSoon filter={input} />
          <CsvDownloads filter={input} />
        </div>
      ) : null}
    </>
  );
}
