import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterButtons } from '../../components/FilterButtons';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { ProviderQueueDocument, type ProviderFieldsFragment, type VerificationStatus } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { VerificationBadge } from '../provider/VerificationBadge';
import { ProviderDecision } from './ProviderDecision';

const STATUSES: VerificationStatus[] = ['PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED'];
const PAGE_SIZE = 10;

function ProviderCard({ provider, onDecided }: { provider: ProviderFieldsFragment; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
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
            <dd>{format.date(provider.createdAt)}</dd>
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
            <strong>{provider.verificationStatus === 'PENDING' ? t('verification.previousReason') : t('provider.reason')}:</strong> {provider.verificationReason}
          </p>
        ) : null}
        {provider.verificationStatus === 'PENDING' && provider.resubmittedAt ? (
          <p className="mt-2 mb-0 small">{t('provider.resubmittedOn', { date: format.date(provider.resubmittedAt) })}</p>
        ) : null}
        <ProviderDecision provider={provider} onDecided={onDecided} />
      </article>
    </li>
  );
}

export function VerificationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VerificationStatus>('PENDING');
  const { notice, announce, clear } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const { data, error, loading } = useQuery(ProviderQueueDocument, {
    variables: { status, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });

  const choose = (next: VerificationStatus): void => {
    setStatus(next);
    paging.reset();
    clear();
  };

  return (
    <>
      <PageTitle title={t('verification.title')}>{t('verification.title')}</PageTitle>
      <p className="lead">{t('verification.lead')}</p>
      <FilterButtons
        label={t('verification.filter')}
        options={STATUSES.map((value) => ({ value, label: t(`verification.filters.${value}`) }))}
        value={status}
        onChange={choose}
      />
      <StatusNotice {...notice} />
      <PagedResults paging={paging} page={data?.providers} error={error} busy={loading} empty={t(`verification.empty.${status}`)}>
        {(queue) => (
          <>
            <p>{t('verification.count', { count: queue.totalCount })}</p>
            <ul className="list-unstyled">
              {queue.items.map((provider) => (
                <ProviderCard key={provider.id} provider={provider} onDecided={announce} />
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}
