import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ProviderQueueDocument, type ProviderFieldsFragment } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import { type Fact, VerificationCard, VerificationQueue, useVerificationQueue } from './VerificationQueue';
import { VerificationDecision } from './VerificationDecision';

function ProviderCard({ provider, onDecided }: { provider: ProviderFieldsFragment & { ownerErased: boolean }; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Fact[] = [
    { label: t('provider.fields.partitaIva'), value: provider.partitaIva },
    { label: t('provider.fields.kind'), value: t(`provider.kinds.${provider.kind}`) },
  ];
  if (provider.website) facts.push({ label: t('provider.fields.website'), value: <a href={provider.website}>{provider.website}</a> });
  return (
    <VerificationCard entityType="provider" organisation={provider} facts={facts} decision={<VerificationDecision organisation={provider} kind="provider" onDecided={onDecided} />}>
      <p className="mb-0 written-text">{provider.description}</p>
      {provider.verificationStatus === 'PENDING' && provider.resubmittedAt ? (
        <p className="mt-2 mb-0 small">{t('provider.resubmittedOn', { date: format.date(provider.resubmittedAt) })}</p>
      ) : null}
    </VerificationCard>
  );
}

/** Ministry staff verify providers before their offers reach shops. */
export function ProviderVerificationPage() {
  const queue = useVerificationQueue();
  const { data, error, loading } = useQuery(ProviderQueueDocument, { variables: queue.variables, fetchPolicy: 'cache-and-network' });
  return (
    <VerificationQueue texts="verification" queue={queue} page={data?.providers} error={error} loading={loading}>
      {(provider) => <ProviderCard key={provider.id} provider={provider} onDecided={queue.announce} />}
    </VerificationQueue>
  );
}
