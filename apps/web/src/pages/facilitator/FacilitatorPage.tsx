import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AccountPage, ProfileCard } from '../../components/AccountPage';
import { MyFacilitatorDocument, type FacilitatorFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { VerificationBadge } from '../provider/VerificationBadge';
import { FacilitatorForm } from './FacilitatorForm';
import { useTerritoryLabel } from './use-territory-label';

function FacilitatorProfile({ facilitator, onEdit }: { facilitator: FacilitatorFieldsFragment; onEdit: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const territoryLabel = useTerritoryLabel();
  const status = facilitator.verificationStatus;
  return (
    <>
      <section className="profile-card mb-4" aria-labelledby="verification-title">
        <h2 id="verification-title" className="h4">
          {t('provider.verificationTitle')}
        </h2>
        <p className="d-flex flex-wrap align-items-center gap-2 mb-2" data-testid="verification-status">
          <VerificationBadge status={status} />
          {facilitator.verifiedAt ? <span className="small">{t('provider.decidedOn', { date: date(facilitator.verifiedAt) })}</span> : null}
        </p>
        <p className="mb-0">{t(`facilitator.statusHelp.${status}`)}</p>
        {facilitator.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{t('provider.reason')}:</strong> {facilitator.verificationReason}
          </p>
        ) : null}
      </section>
      <ProfileCard
        id="facilitator-profile-title"
        title={facilitator.name}
        rows={[
          [t('facilitator.fields.kind'), t(`facilitator.kinds.${facilitator.kind}`)],
          [t('facilitator.fields.taxCode'), facilitator.taxCode],
          [t('facilitator.fields.contactEmail'), facilitator.contactEmail],
          [t('facilitator.fields.website'), facilitator.website ? <a href={facilitator.website}>{facilitator.website}</a> : '—'],
          [t('facilitator.fields.territory'), territoryLabel(facilitator.territory)],
          [t('provider.registeredOn'), date(facilitator.createdAt)],
        ]}
        editLabel={status === 'REJECTED' ? t('facilitator.resubmit') : t('facilitator.edit')}
        onEdit={onEdit}
      />
    </>
  );
}

export function FacilitatorPage() {
  const { data, error } = useQuery(MyFacilitatorDocument);
  return (
    <AccountPage
      ns="facilitator"
      entity={data?.myFacilitator}
      failed={error !== undefined}
      form={(facilitator, onDone, onCancel) => <FacilitatorForm facilitator={facilitator} onDone={onDone} onCancel={onCancel} />}
      profile={(facilitator, onEdit) => <FacilitatorProfile facilitator={facilitator} onEdit={onEdit} />}
      next={[]}
    />
  );
}
