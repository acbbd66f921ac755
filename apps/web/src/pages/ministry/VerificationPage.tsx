import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProviderQueueDocument, type ProviderFieldsFragment, type VerificationStatus } from '../../gql/generated';
import { VerificationBadge } from '../provider/VerificationBadge';
import { ProviderDecision } from './ProviderDecision';

const STATUSES: VerificationStatus[] = ['PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED'];
const PAGE_SIZE = 10;

function ProviderCard({ provider, onDecided }: { provider: ProviderFieldsFragment; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(provider.createdAt));
  return (
    <li className="queue-card">
      <article aria-labelledby={`provider-${provider.id}-name`}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={`provider-${provider.id}-name`}>
            {provider.name}
          </h2>
          <VerificationBadge status={provider.verificationStatus} />
        </div>
        <dl className="queue-facts">
          <div>
            <dt>{t('provider.fields.partitaIva')}</dt>
            <dd>{provider.partitaIva}</dd>
          </div>
          <div>
            <dt>{t('provider.fields.kind')}</dt>
            <dd>{t(`provider.kinds.${provider.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('provider.registeredOn')}</dt>
            <dd>{date}</dd>
          </div>
          {provider.website ? (
            <div>
              <dt>{t('provider.fields.website')}</dt>
              <dd>
                <a href={provider.website}>{provider.website}</a>
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="mb-0">{provider.description}</p>
        {provider.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{t('provider.reason')}:</strong> {provider.verificationReason}
          </p>
        ) : null}
        <ProviderDecision provider={provider} onDecided={onDecided} />
      </article>
    </li>
  );
}

export function VerificationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VerificationStatus>('PENDING');
  const [page, setPage] = useState(0);
  const [notice, setNotice] = useState('');
  const { data, loading, error } = useQuery(ProviderQueueDocument, {
    variables: { status, first: PAGE_SIZE, offset: page * PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const results = useRef<HTMLDivElement>(null);
  const turnedPage = useRef(false);
  const queue = data?.providers;

  // After Previous/Next the reader continues from the top of the new page, not from the buttons.
  useEffect(() => {
    if (turnedPage.current) results.current?.focus();
    turnedPage.current = false;
  }, [page]);
  const turnTo = (next: number): void => {
    turnedPage.current = true;
    setPage(next);
  };
  const pages = queue ? Math.max(1, Math.ceil(queue.totalCount / PAGE_SIZE)) : 1;

  const choose = (next: VerificationStatus): void => {
    setStatus(next);
    setPage(0);
    setNotice('');
  };

  let body;
  if (loading && !queue) body = <Loading />;
  else if (error) body = <LoadFailed />;
  else if (!queue || queue.items.length === 0) body = <p className="empty-state">{t(`verification.empty.${status}`)}</p>;
  else {
    body = (
      <>
        <p>{t('verification.count', { count: queue.totalCount })}</p>
        <ul className="list-unstyled">
          {queue.items.map((provider) => (
            <ProviderCard key={provider.id} provider={provider} onDecided={setNotice} />
          ))}
        </ul>
        {pages > 1 ? (
          <nav className="d-flex flex-wrap align-items-center gap-3" aria-label={t('pagination.label')}>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={page === 0} onClick={() => turnTo(page - 1)}>
              {t('pagination.previous')}
            </button>
            <span>{t('pagination.page', { page: page + 1, pages })}</span>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={!queue.hasNextPage} onClick={() => turnTo(page + 1)}>
              {t('pagination.next')}
            </button>
          </nav>
        ) : null}
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('verification.title')}>{t('verification.title')}</PageTitle>
      <p className="lead">{t('verification.lead')}</p>
      <div className="status-filter mb-4" role="group" aria-label={t('verification.filter')}>
        {STATUSES.map((value) => (
          <button
            key={value}
            type="button"
            className={`btn btn-sm ${value === status ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={value === status}
            onClick={() => choose(value)}
          >
            {t(`verification.filters.${value}`)}
          </button>
        ))}
      </div>
      <div role="status" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice}
      </div>
      <div ref={results} tabIndex={-1} className="queue-results">
        {body}
      </div>
    </>
  );
}
