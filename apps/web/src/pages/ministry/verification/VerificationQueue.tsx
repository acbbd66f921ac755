import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterButtons } from '../../../components/FilterButtons';
import { PagedResults, type ResultPage } from '../../../components/PagedResults';
import { usePaging } from '../../../components/Pagination';
import { PageTitle } from '../../../components/PageTitle';
import { SearchForm } from '../../../components/SearchForm';
import { StatusNotice, useNotice } from '../../../components/StatusNotice';
import type { VerificationStatus } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { VerificationBadge } from '../../provider/VerificationBadge';
import { HistoryLink } from '../audit/HistoryLink';

const STATUSES: VerificationStatus[] = ['PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED'];
export const QUEUE_PAGE_SIZE = 10;

/** What a verification queue page keeps: the status shown, the page, the last decision announced. */
export function useVerificationQueue() {
  const [status, setStatus] = useState<VerificationStatus>('PENDING');
  /** The words searched for (name or tax code), as last submitted. */
  const [search, setSearch] = useState('');
  const { notice, announce, clear } = useNotice();
  const paging = usePaging(QUEUE_PAGE_SIZE);
  const choose = (next: VerificationStatus): void => {
    setStatus(next);
    paging.reset();
    clear();
  };
  const find = (words: string): void => {
    setSearch(words.trim());
    paging.reset();
    clear();
  };
  return { status, choose, search, find, notice, announce, paging, variables: { status, search: search || null, first: QUEUE_PAGE_SIZE, offset: paging.offset } };
}

type QueueState = ReturnType<typeof useVerificationQueue>;

interface QueueProps<Item> {
  /** The i18n section with title, lead, filter, count and empty texts. */
  texts: 'verification' | 'facilitatorVerification';
  queue: QueueState;
  page: ResultPage<Item> | undefined;
  error: unknown;
  loading: boolean;
  children: (item: Item) => ReactNode;
}

/** Ministry staff verify organisations (providers, facilitators) by status, a page at a time. */
export function VerificationQueue<Item extends { id: string }>({ texts, queue, page, error, loading, children }: QueueProps<Item>) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t(`${texts}.title`)}>{t(`${texts}.title`)}</PageTitle>
      <p className="lead">{t(`${texts}.lead`)}</p>
      <FilterButtons
        label={t(`${texts}.filter`)}
        options={STATUSES.map((value) => ({ value, label: t(`verification.filters.${value}`) }))}
        value={queue.status}
        onChange={queue.choose}
      />
      {/* Finds an organisation by words of its name or its tax code, within the status shown. */}
      <SearchForm id={`${texts}-search`} label={t(`${texts}.search`)} onSearch={queue.find} />
      <StatusNotice {...queue.notice} />
      <PagedResults paging={queue.paging} page={page} error={error} busy={loading} empty={queue.search ? t('verification.noneFound', { search: queue.search }) : t(`${texts}.empty.${queue.status}`)}>
        {(found) => (
          <>
            <p>{t(`${texts}.count`, { count: found.totalCount })}</p>
            <ul className="list-unstyled">{found.items.map(children)}</ul>
          </>
        )}
      </PagedResults>
    </>
  );
}

/** One line of an organisation's facts. */
export interface Fact {
  label: string;
  value: ReactNode;
}

interface CardProps {
  entityType: 'provider' | 'facilitator';
  organisation: { id: string; name: string; verificationStatus: VerificationStatus; verificationReason?: string | null; createdAt: string; ownerErased: boolean };
  /** Facts shown as a definition list, before the registration date. */
  facts: Fact[];
  /** What follows the facts: description, territory, resubmission. */
  children?: ReactNode;
  decision: ReactNode;
}

/** One organisation waiting for (or past) a decision: facts, last reason, history and the decision. */
export function VerificationCard({ entityType, organisation, facts, children, decision }: CardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `${entityType}-${organisation.id}-name`;
  return (
    <li className="queue-card">
      <article aria-labelledby={headingId}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={headingId}>
            {organisation.name}
          </h2>
          <div className="d-flex flex-wrap gap-2">
            <VerificationBadge status={organisation.verificationStatus} />
            {organisation.ownerErased ? <span className="status-badge status-neutral">{t('verification.ownerErased')}</span> : null}
          </div>
        </div>
        <dl className="queue-facts">
          {[...facts, { label: t('provider.registeredOn'), value: format.date(organisation.createdAt) }].map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
        {children}
        {organisation.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{organisation.verificationStatus === 'PENDING' ? t('verification.previousReason') : t('provider.reason')}:</strong> {organisation.verificationReason}
          </p>
        ) : null}
        <HistoryLink entityType={entityType} entityId={organisation.id} describedBy={headingId} />
        {decision}
      </article>
    </li>
  );
}
