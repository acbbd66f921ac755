import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterButtons } from '../../components/FilterButtons';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { FacilitatorQueueDocument, type FacilitatorFieldsFragment, type VerificationStatus } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useTerritoryLabel } from '../facilitator/FacilitatorPage';
import { VerificationBadge } from '../provider/VerificationBadge';
import { ProviderDecision } from './ProviderDecision';

const STATUSES: VerificationStatus[] = ['PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED'];
const PAGE_SIZE = 10;

function FacilitatorCard({ facilitator, onDecided }: { facilitator: FacilitatorFieldsFragment; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const territoryLabel = useTerritoryLabel();
  return (
    <li className="queue-card">
      <article aria-labelledby={`facilitator-${facilitator.id}-name`}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={`facilitator-${facilitator.id}-name`}>
            {facilitator.name}
          </h2>
          <VerificationBadge status={facilitator.verificationStatus} />
        </div>
        <dl className="queue-facts">
          <div>
            <dt>{t('facilitator.fields.kind')}</dt>
            <dd>{t(`facilitator.kinds.${facilitator.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('facilitator.fields.taxCode')}</dt>
            <dd>{facilitator.taxCode}</dd>
          </div>
          <div>
            <dt>{t('facilitator.fields.contactEmail')}</dt>
            <dd>{facilitator.contactEmail}</dd>
          </div>
          <div>
            <dt>{t('provider.registeredOn')}</dt>
            <dd>{format.date(facilitator.createdAt)}</dd>
          </div>
        </dl>
        <p className="mb-0">
          <strong>{t('facilitator.fields.territory')}:</strong> {territoryLabel(facilitator.territory)}
        </p>
        {facilitator.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{facilitator.verificationStatus === 'PENDING' ? t('verification.previousReason') : t('provider.reason')}:</strong> {facilitator.verificationReason}
          </p>
        ) : null}
        <ProviderDecision provider={facilitator} kind="facilitator" onDecided={onDecided} />
      </article>
    </li>
  );
}

/** Ministry staff verify facilitator organisations as they verify providers. */
export function FacilitatorVerificationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VerificationStatus>('PENDING');
  const { notice, announce, clear } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const { data, error, loading } = useQuery(FacilitatorQueueDocument, {
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
      <PageTitle title={t('facilitatorVerification.title')}>{t('facilitatorVerification.title')}</PageTitle>
      <p className="lead">{t('facilitatorVerification.lead')}</p>
      <FilterButtons
        label={t('facilitatorVerification.filter')}
        options={STATUSES.map((value) => ({ value, label: t(`verification.filters.${value}`) }))}
        value={status}
        onChange={choose}
      />
      <StatusNotice {...notice} />
      <PagedResults paging={paging} page={data?.facilitators} error={error} busy={loading} empty={t(`facilitatorVerification.empty.${status}`)}>
        {(queue) => (
          <>
            <p>{t('facilitatorVerification.count', { count: queue.totalCount })}</p>
            <ul className="list-unstyled">
              {queue.items.map((facilitator) => (
                <FacilitatorCard key={facilitator.id} facilitator={facilitator} onDecided={announce} />
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}
