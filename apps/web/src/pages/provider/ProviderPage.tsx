import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AccountPage, ProfileCard } from '../../components/AccountPage';
import { MyProviderDocument, type ProviderFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { PATHS } from '../../routes';
import { ProviderForm } from './ProviderForm';
import { VerificationBadge } from './VerificationBadge';

function ProviderProfile({ provider, onEdit }: { provider: ProviderFieldsFragment; onEdit: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const status = provider.verificationStatus;
  return (
    <>
      <section className="profile-card mb-4" aria-labelledby="verification-title">
        <h2 id="verification-title" className="h4">
          {t('provider.verificationTitle')}
        </h2>
        <p className="d-flex flex-wrap align-items-center gap-2 mb-2" data-testid="verification-status">
          <VerificationBadge status={status} />
          {provider.verifiedAt ? <span className="small">{t('provider.decidedOn', { date: date(provider.verifiedAt) })}</span> : null}
          {status === 'PENDING' && provider.resubmittedAt ? <span className="small">{t('provider.resubmittedOn', { date: date(provider.resubmittedAt) })}</span> : null}
        </p>
        <p className="mb-0">{t(`provider.statusHelp.${status}`)}</p>
        {provider.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{t('provider.reason')}:</strong> {provider.verificationReason}
          </p>
        ) : null}
      </section>
      <ProfileCard
        id="provider-profile-title"
        title={provider.name}
        rows={[
          [t('provider.fields.partitaIva'), provider.partitaIva],
          [t('provider.fields.kind'), t(`provider.kinds.${provider.kind}`)],
          [t('provider.fields.website'), provider.website ? <a href={provider.website}>{provider.website}</a> : '—'],
          [t('provider.fields.description'), provider.description],
          [t('provider.registeredOn'), date(provider.createdAt)],
        ]}
        editLabel={status === 'REJECTED' ? t('provider.resubmit') : t('provider.edit')}
        onEdit={onEdit}
      />
    </>
  );
}

export function ProviderPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyProviderDocument);
  return (
    <AccountPage
      ns="provider"
      entity={data?.myProvider}
      failed={error !== undefined}
      form={(provider, onDone, onCancel) => <ProviderForm provider={provider} onDone={onDone} onCancel={onCancel} />}
      profile={(provider, onEdit) => <ProviderProfile provider={provider} onEdit={onEdit} />}
      // A rejected organisation's next step is to correct and resubmit its details (the profile's button), not to publish.
      next={
        data?.myProvider?.verificationStatus === 'REJECTED'
          ? []
          : [
              { to: PATHS.providerOffers, label: t('provider.offersLink') },
              { to: PATHS.providerApplications, label: t('provider.applicationsLink') },
            ]
      }
    />
  );
}
