import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { AllocationRunDocument, type AllocationRunFieldsFragment, type AllocationRunItemFilterInput, type AllocationRunQuery, type UnservedReason } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS } from '../../routes';
import { useRunName } from './AllocationRunsPage';
import { RunItemRow } from './RunItemRow';
import { RunStatusBadge, UNFINISHED } from './RunStatusBadge';
import { usePollWhile } from './use-poll-while';

const PAGE_SIZE = 10;
const REASONS: UnservedReason[] = ['NO_ELIGIBLE_OFFER', 'ONLY_REFUSED', 'ALL_FULL', 'SHOP_LIMIT', 'SET_INCOMPLETE'];
type Filter = 'all' | 'served' | 'unserved' | UnservedReason;
const FILTERS: Filter[] = ['all', 'served', 'unserved', ...REASONS];

function filterInput(filter: Filter): AllocationRunItemFilterInput {
  if (filter === 'all') return {};
  if (filter === 'served') return { served: true };
  if (filter === 'unserved') return { served: false };
  return { served: false, reason: filter };
}

type RunWithSummary = AllocationRunFieldsFragment & Pick<AllocationRunQuery['allocationRun'], 'summary'>;

/**
 * What a run achieved, in the words an analyst uses: how many requests were served and how
 * locally. The allocator's total cost is a score without a unit, so it is explained, not headlined.
 */
function Statistics({ run }: { run: RunWithSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = run.statistics;
  if (!stats) return <p className="next-card">{UNFINISHED.has(run.status) ? t('allocation.notYet') : t('allocation.noStatistics')}</p>;
  const { summary } = run;
  const figures: [string, string, string?][] = [
    [t('allocation.stats.served'), format.number(stats.served), t('allocation.stats.servedOf', { total: format.number(stats.requests), share: format.percent(summary.servedShare, 0) })],
    [t('allocation.stats.unserved'), format.number(stats.unserved)],
    [t('allocation.stats.local'), format.number(summary.byCoverageLevel.filter((l) => l.level === 'COMUNE' || l.level === 'RADIUS').reduce((sum, l) => sum + l.count, 0)), t('allocation.stats.localHint')],
    [
      t('allocation.stats.averageRadiusKm'),
      summary.averageRadiusKm == null ? '–' : t('allocation.km', { km: format.number(summary.averageRadiusKm, 1) }),
      t('allocation.stats.averageRadiusHint', { count: summary.servedWithinRadius, n: format.number(summary.servedWithinRadius) }),
    ],
  ];
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title" className="h3">
        {t('allocation.statsTitle')}
      </h2>
      <ul className="row list-unstyled figures" data-testid="run-statistics">
        {figures.map(([name, value, detail]) => (
          <li key={name} className="col-6 col-lg mb-3">
            <div className="figure-card">
              <span className="figure-value">{value}</span>
              <span className="figure-label">{name}</span>
              {detail ? <span className="figure-detail">{detail}</span> : null}
            </div>
          </li>
        ))}
      </ul>
      {stats.unservedByReason.length > 0 ? (
        <p>
          {t('allocation.unservedBecause')}{' '}
          {stats.unservedByReason.map((r) => t('allocation.reasonCount', { reason: t(`allocation.reasons.${r.reason}`), count: r.count })).join('; ')}
        </p>
      ) : null}
      {run.completeSetsOnly || summary.sets.total > 0 ? (
        <p data-testid="run-sets">
          {run.completeSetsOnly ? `${t('allocation.sets.onlyComplete')} ` : ''}
          {t('allocation.sets.summary', {
            count: summary.sets.total,
            n: format.number(summary.sets.total),
            complete: format.number(summary.sets.complete),
            partial: format.number(summary.sets.partial),
            unserved: format.number(summary.sets.unserved),
          })}
          {summary.sets.dropped > 0 ? ` ${t('allocation.sets.dropped', { count: summary.sets.dropped, n: format.number(summary.sets.dropped) })}` : ''}
        </p>
      ) : null}
      <h3 className="h5">{t('allocation.levelsTitle')}</h3>
      <ul data-testid="run-levels">
        {summary.byCoverageLevel.map(({ level, count }) => (
          <li key={level}>{t('allocation.levelCount', { level: t(`allocation.levels.${level}`), n: format.number(count) })}</li>
        ))}
      </ul>
      <p className="small">{t('allocation.scope', { offers: format.number(stats.offers), pairs: format.number(stats.candidatePairs), ms: format.number(stats.durationMs) })}</p>
      <details className="small">
        <summary>{t('allocation.costQuestion')}</summary>
        <p className="mt-2 mb-0">{t('allocation.costExplained', { cost: format.number(stats.totalCost) })}</p>
      </details>
    </section>
  );
}

export function AllocationRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const runName = useRunName();
  const [filter, setFilter] = useState<Filter>('all');
  const paging = usePaging(PAGE_SIZE);
  const { data, previousData, loading, error, startPolling, stopPolling } = useQuery(AllocationRunDocument, {
    variables: { id, filter: filterInput(filter), first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  // While another filter or page of items loads, the run stays on screen (and the focus with it).
  const shown = data ?? (previousData?.allocationRun?.id === id ? previousData : undefined);
  const run = shown?.allocationRun;
  // A scheduled run is looked at less often until it starts.
  usePollWhile(run ? UNFINISHED.has(run.status) : false, run?.status === 'SCHEDULED' ? 30_000 : 2000, { startPolling, stopPolling });
  const title = run ? runName(run) : t('allocation.runTitle');

  let body;
  if (loading && !run) body = <Loading />;
  else if (!run) body = <p className="alert alert-danger">{t('allocation.notFound')}</p>;
  else {
    body = (
      <>
        <p className="d-flex flex-wrap align-items-center gap-2">
          <RunStatusBadge status={run.status} />
          <span>{t(`allocation.modeHints.${run.mode}`)}</span>
        </p>
        {run.failure ? <p className="alert alert-danger">{t('allocation.failed', { failure: inLanguage(run.failure, run.failureIt) })}</p> : null}
        <Statistics run={run} />
        {run.statistics ? (
          <section aria-labelledby="items-title" className="mt-4">
            <h2 id="items-title" className="h3">
              {t('allocation.itemsTitle')}
            </h2>
            <FilterButtons
              label={t('allocation.itemsFilter')}
              options={FILTERS.map((value) => ({ value, label: t(`allocation.itemFilters.${value}`) }))}
              value={filter}
              onChange={(value) => {
                setFilter(value);
                paging.reset();
              }}
            />
            <PagedResults paging={paging} page={run.items} error={error} empty={t('allocation.noItems')}>
              {(items) => (
                <>
                  <p>{t('allocation.itemCount', { count: items.totalCount })}</p>
                  <ul className="list-unstyled">
                    {items.items.map((item) => (
                      <RunItemRow key={item.helpRequestId} item={item} />
                    ))}
                  </ul>
                </>
              )}
            </PagedResults>
          </section>
        ) : null}
      </>
    );
  }

  return (
    <>
      <p className="mb-2">
        <Link to={PATHS.allocationRuns}>{t('allocation.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {body}
    </>
  );
}
