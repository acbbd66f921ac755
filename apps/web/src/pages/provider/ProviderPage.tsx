import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice } from '../../components/StatusNotice';
import { PATHS } from '../../routes';
import { MyProviderDocument, type ProviderFieldsFragment } from '../../gql/generated';
import { ProviderForm } from './ProviderForm';
import { VerificationBadge } from './VerificationBadge';

function ProviderProfile({ provider, onEdit }: { provider: ProviderFieldsFragment; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string): string => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(iso));
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
        </p>
        <p className="mb-0">{t(`provider.statusHelp.${status}`)}</p>
        {provider.verificationReason ? (
          <p className="mt-2 mb-0">
            <strong>{t('provider.reason')}:</strong> {provider.verificationReason}
          </p>
        ) : null}
      </section>
      <section className="profile-card" aria-labelledby="provider-profile-title">
        <h2 id="provider-profile-title" className="h3">
          {provider.name}
        </h2>
        <dl className="profile-list">
          <div className="profile-row">
            <dt>{t('provider.fields.partitaIva')}</dt>
            <dd>{provider.partitaIva}</dd>
          </div>
          <div className="profile-row">
            <dt>{t('provider.fields.kind')}</dt>
            <dd>{t(`provider.kinds.${provider.kind}`)}</dd>
          </div>
          <div className="profile-row">
            <dt>{t('provider.fields.website')}</dt>
            <dd>{provider.website ? <a href={provider.website}>{provider.website}</a> : '—'}</dd>
          </div>
          <div className="profile-row">
            <dt>{t('provider.fields.description')}</dt>
            <dd>{provider.description}</dd>
          </div>
          <div className="profile-row">
            <dt>{t('provider.registeredOn')}</dt>
            <dd>{date(provider.createdAt)}</dd>
          </div>
        </dl>
        <button type="button" className="btn btn-outline-primary" onClick={onEdit}>
          {t('provider.edit')}
        </button>
      </section>
    </>
  );
}

export function ProviderPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MyProviderDocument);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const provider = data?.myProvider ?? null;
  const done = (message: string): void => {
    setEditing(false);
    setNotice(message);
  };

  let body;
  if (loading) body = <Loading />;
  else if (error) body = <p className="alert alert-danger">{t('errors.loadFailed')}</p>;
  else if (!provider) {
    body = (
      <>
        <p className="lead">{t('provider.registerLead')}</p>
        <ProviderForm provider={null} onDone={done} />
      </>
    );
  } else if (editing) {
    body = (
      <>
        <h2 className="h3">{t('provider.editTitle')}</h2>
        <ProviderForm provider={provider} onDone={done} onCancel={() => setEditing(false)} />
      </>
    );
  } else {
    body = (
      <>
        <ProviderProfile provider={provider} onEdit={() => { setNotice(''); setEditing(true); }} />
        <div className="next-card mt-5">
          <h2 className="h4">{t('provider.nextTitle')}</h2>
          <p>{t('provider.nextText')}</p>
          <div className="d-flex flex-wrap gap-3">
            <Link className="btn btn-primary" to={PATHS.providerOffers}>
              {t('provider.offersLink')}
            </Link>
            <Link className="btn btn-outline-primary" to={PATHS.providerApplications}>
              {t('provider.applicationsLink')}
            </Link>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('provider.title')}>{t('provider.title')}</PageTitle>
      <StatusNotice message={notice} />
      {body}
    </>
  );
}
