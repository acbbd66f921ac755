import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { AllocationRunsDocument, type AllocationRunFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { CancelRunButton } from './CancelRunButton';
import { RunStatusBadge, UNFINISHED } from './RunStatusBadge';
import { StartRunForm } from './StartRunForm';
import { usePollWhile } from './use-poll-while';

const PAGE_SIZE = 10;

/** A run's name for the reader: its kind and when it was asked for (or is due). */
export function useRunName(): (run: AllocationRunFieldsFragment) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (run) => t('allocation.runName', { mode: t(`allocation.modes.${run.mode}`), date: format.dateTime(run.scheduledFor ?? run.createdAt) });
}

function RunCard({ run, onDone }: { run: AllocationRunFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useRunName()(run);
  const stats = run.statistics;
  return (
    <li className="queue-card" data-testid="run-card">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h3 className="h5 mb-1" id={`run-${run.id}-name`}>
          <Link to={pathTo(PATHS.allocationRun, run.id)}>{name}</Link>
        </h3>
        <RunStatusBadge status={run.status} />
      </div>
      <p className="mb-2 small">
        {run.status === 'SCHEDULED' && run.scheduledFor ? t('allocation.scheduledFor', { date: format.dateTime(run.scheduledFor) }) : t('allocation.requestedOn', { date: format.dateTime(run.createdAt) })}
        {run.finishedAt ? ` · ${t(run.status === 'CANCELLED' ? 'allocation.cancelledOn' : 'allocation.finishedOn', { date: format.dateTime(run.finishedAt) })}` : ''}
      </p>
      {stats ? <p className="mb-2">{t('allocation.servedOf', { count: stats.served, requests: format.number(stats.requests) })}</p> : null}
      {run.failure ? <p className="mb-2 text-danger">{t('allocation.failed', { failure: inLanguage(run.failure, run.failureIt) })}</p> : null}
      {run.status === 'SCHEDULED' || run.status === 'QUEUED' ? <CancelRunButton runId={run.id} name={name} describedBy={`run-${run.id}-name`} onDone={onDone} /> : null}
    </li>
  );
}

export function AllocationRunsPage() {
  const { t } = useTranslation();
  const { notice, announce } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const { data, error, startPolling, stopPolling } = useQuery(AllocationRunsDocument, {
    variables: { first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const runs = data?.allocationRuns;
  const unfinished = runs?.items.some((run) => UNFINISHED.has(run.status)) ?? false;
  const busy = runs?.items.some((run) => run.status === 'QUEUED' || run.status === 'RUNNING') ?? false;
  // Queued and running runs are followed closely; one only scheduled for later, now and then.
  usePollWhile(unfinished, busy ? 2000 : 30_000, { startPolling, stopPolling });

  return (
    <>
      <PageTitle title={t('allocation.title')}>{t('allocation.title')}</PageTitle>
      <p className="lead">{t('allocation.lead')}</p>
      <StatusNotice {...notice} />
      <StartRunForm onStarted={announce} />
      <section aria-labelledby="runs-title" className="mt-5">
        <h2 id="runs-title" className="h3">
          {t('allocation.runsTitle')}
        </h2>
        {unfinished ? <p className="small">{t('allocation.refreshNote')}</p> : null}
        <PagedResults paging={paging} page={runs} error={error} empty={t('allocation.empty')}>
          {(page) => (
            <ul className="list-unstyled">
              {page.items.map((run) => (
                <RunCard key={run.id} run={run} onDone={announce} />
              ))}
            </ul>
          )}
        </PagedResults>
      </section>
    </>
  );
}
