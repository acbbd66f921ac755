import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FacilitatorQueueDocument, type FacilitatorFieldsFragment } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { useTerritoryLabel } from '../../facilitator/use-territory-label';
import { VerificationCard, VerificationQueue, useVerificationQueue } from './VerificationQueue';
import { VerificationDecision } from './VerificationDecision';

function FacilitatorCard({ facilitator, onDecided }: { facilitator: FacilitatorFieldsFragment & { ownerErased: boolean }; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const territoryLabel = useTerritoryLabel();
  const facts = [
    { label: t('facilitator.fields.kind'), value: t(`facilitator.kinds.${facilitator.kind}`) },
    { label: t('facilitator.fields.taxCode'), value: facilitator.taxCode },
    { label: t('facilitator.fields.contactEmail'), value: facilitator.contactEmail },
  ];
  return (
    <VerificationCard entityType="facilitator" organisation={facilitator} facts={facts} decision={<VerificationDecision organisation={facilitator} kind="facilitator" onDecided={onDecided} />}>
      <p className="mb-0">
        <strong>{t('facilitator.fields.territory')}:</strong> {territoryLabel(facilitator.territory)}
      </p>
      {facilitator.verificationStatus === 'PENDING' && facilitator.resubmittedAt ? (
        <p className="mt-2 mb-0 small">{t('provider.resubmittedOn', { date: format.date(facilitator.resubmittedAt) })}</p>
      ) : null}
    </VerificationCard>
  );
}

/** Ministry staff verify facilitator organisations as they verify providers. */
export function FacilitatorVerificationPage() {
  const queue = useVerificationQueue();
  const { data, error, loading } = useQuery(FacilitatorQueueDocument, { variables: queue.variables, fetchPolicy: 'cache-and-network' });
  return (
    <VerificationQueue texts="facilitatorVerification" queue={queue} page={data?.facilitators} error={error} loading={loading}>
      {(facilitator) => <FacilitatorCard key={facilitator.id} facilitator={facilitator} onDecided={queue.announce} />}
    </VerificationQueue>
  );
}
