import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadFailed, Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { isBadUserInput } from '../../../errors/form-errors';
import { useFormErrors } from '../../../errors/use-form-errors';
import { DashboardKpisDocument } from '../../../gql/generated';
import { PATHS } from '../../../routes';
import { CapacityChart } from './CapacityChart';
import { UptakeByFacilitator } from './UptakeByFacilitator';
import { CapacityEndingSoon } from './CapacityEndingSoon';
import { CsvDownloads } from './CsvDownloads';
import { DashboardFilters } from './DashboardFilters';
import { filterFromParams, filterProblems, paramsFromFilter, toMonitoringFilter, type DashboardFilter } from './dashboard-filter';
import { KpiCards } from './KpiCards';
import { OutcomesTable } from './OutcomesTable';
import { BundlesSection } from './BundlesSection';
import { CallsSection } from './CallsSection';
import { PlacesSection } from './PlacesSection';
import { TimeSeriesChart } from './TimeSeriesChart';
import { TopicsSection } from './TopicsSection';
import { UnmetDemandTable } from './UnmetDemandTable';
import { SectionsProvider, useDashboardPrint, useSectionSettled } from './dashboard-sections';

/** Says whether the headline figures are in, for printing (the page itself is outside the sections' provider). */
function Settled({ settled }: { settled: boolean }) {
  useSectionSettled(settled);
  return null;
}

/** Uptake, gaps and outcomes for ministry staff, narrowed by one filter kept in the address. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const key = params.toString();
  const [problem] = filterProblems(filter);
  const input = toMonitoringFilter(filter);
  const labels: Record<string, string> = {
    'filter.regionCode': t('dashboard.filter.region'),
    'filter.provinceCode': t('dashboard.filter.province'),
    'filter.category': t('dashboard.filter.category'),
    'filter.atecoSection': t('dashboard.filter.sector'),
    'filter.from': t('dashboard.filter.from'),
    'filter.to': t('dashboard.filter.to'),
  };
  const form = useFormErrors(labels);
  const { failWith, failLocal, clear } = form;
  const printing = useDashboardPrint();
  const kpis = useQuery(DashboardKpisDocument, { variables: { filter: input }, skip: problem !== undefined });
  // The API checks the filter too (an unknown or mismatched place): only such refusals go to the form.
  const refused = isBadUserInput(kpis.error);

  const problemField = problem?.field;
  const problemReason = problem?.reason;
  useEffect(() => {
    if (problemField && problemReason) {
      failLocal(`filter.${problemField}`, (t) => t(`dashboard.filter.${problemReason}`, { field: t(`dashboard.filter.${problemField}`) }));
    } else if (refused) failWith(kpis.error);
    else clear();
  }, [problemField, problemReason, refused, kpis.error, failWith, failLocal, clear, t]);

  const apply = (next: DashboardFilter): void => setParams(paramsFromFilter(next));
  const valid = problem === undefined && !refused;

  let figures;
  if (!valid) figures = <p className="empty-state">{t('dashboard.filter.fixFirst')}</p>;
  else if (kpis.data) {
    figures = (
      <>
        <KpiCards kpis={kpis.data.monitoringKpis} narrowedToPlace={Boolean(input.regionCode || input.provinceCode)} period={Boolean(input.from || input.to)} />
        <OutcomesTable outcomes={kpis.data.monitoringKpis.outcomes} />
      </>
    );
  }
  else figures = kpis.error ? <LoadFailed /> : <Loading />;

  return (
    <SectionsProvider value={printing.sections}>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      <p className="lead">{t('dashboard.lead')}</p>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <p className="mb-0">
          <Link to={PATHS.verification}>{t('nav.verification')}</Link> · <Link to={PATHS.allocationRuns}>{t('nav.allocationRuns')}</Link> · <Link to={PATHS.staffCalls}>{t('nav.staffCalls')}</Link>
        </p>
        {/* Printing waits for every section, those not scrolled to yet included (on phones, where the figures come first, the browser menu prints). */}
        <button type="button" className="btn btn-outline-primary btn-sm d-none d-md-inline-block d-print-none" onClick={printing.toggle} aria-describedby="print-status">
          {t(printing.phase === 'preparing' ? 'dashboard.print.cancel' : 'dashboard.print.button')}
        </button>
      </div>
      <p id="print-status" role="status" className={printing.phase === 'idle' ? 'visually-hidden' : 'small d-print-none'}>
        {printing.phase === 'idle' ? '' : t(`dashboard.print.${printing.phase}`)}
      </p>
      {printing.incomplete ? <p className="alert alert-warning d-none d-print-block">{t('dashboard.print.incomplete')}</p> : null}
      <Settled settled={!valid || Boolean(kpis.data ?? kpis.error)} />
      <DashboardFilters filter={filter} filterKey={key} onApply={apply} form={form} />
      <section aria-labelledby="kpi-title" className="mt-4 mt-lg-5">
        <h2 id="kpi-title" className="h3">
          {t('dashboard.kpi.title')}
        </h2>
        {figures}
      </section>
      {valid ? (
        <>
          <TimeSeriesChart filter={input} />
          <PlacesSection filter={input} onRegion={(regionCode) => apply({ ...filter, regionCode, provinceCode: '' })} />
          <TopicsSection filter={input} />
          {/* A new filter starts the long lists again from their first page. */}
          <UnmetDemandTable key={`unmet-${key}`} filter={input} />
          <CapacityChart key={`capacity-${key}`} filter={input} />
          <CapacityEndingSoon key={`ending-${key}`} filter={input} />
          <UptakeByFacilitator key={`facilitators-${key}`} filter={input} />
          <CsvDownloads filter={input} />
        </>
      ) : null}
      {valid ? (
        <>
          <BundlesSection filter={input} />
          <CallsSection filter={input} />
        </>
      ) : null}
    </SectionsProvider>
  );
}
