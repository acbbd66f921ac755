import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/Icon';
import { PrivacyNoticeDocument, SignInProvidersDocument, type SignInProvidersQuery } from '../../gql/generated';
import { PATHS } from '../../routes';

type Provider = SignInProvidersQuery['signInProviders'][number];

/**
 * Where a button sends the browser: the provider's login path, with the version of the privacy
 * notice this page shows, which an account opened by this sign-in records as accepted.
 */
const loginHref = (provider: Provider, noticeVersion: string): string =>
  noticeVersion ? `${provider.loginPath}?${new URLSearchParams({ informativa: noticeVersion }).toString()}` : provider.loginPath;

/** A full-page link: the browser leaves for the identity provider (through the API) and comes back signed in. */
function ProviderButton({ provider, label, icon, noticeVersion }: { provider: Provider; label: string; icon: string; noticeVersion: string }) {
  return (
    <a className="btn btn-primary btn-icon" href={loginHref(provider, noticeVersion)}>
      <Icon name={icon} className="icon-white me-2" />
      <span>{label}</span>
    </a>
  );
}

/**
 * Several SPID identity providers: one "Entra con SPID" button opening the list to choose from, as
 * AgID's SPID button does (a disclosure button, so keyboard and screen readers follow it).
 */
function SpidChooser({ providers, noticeVersion }: { providers: Provider[]; noticeVersion: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div>
      <button type="button" className="btn btn-primary btn-icon" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <Icon name="it-user" className="icon-white me-2" />
        <span>{t('digitalIdentity.spid')}</span>
      </button>
      <div id={listId} hidden={!open} className="mt-2">
        <p className="small mb-1">{t('digitalIdentity.spidChoose')}</p>
        <ul className="link-list">
          {providers.map((provider) => (
            <li key={provider.id}>
              <a className="list-item" href={loginHref(provider, noticeVersion)}>
                <span>{provider.name}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Sign-in with SPID, CIE or another identity provider, for the login page: nothing at all when the
 * platform has none configured (the API's `signInProviders` is empty).
 */
export function DigitalIdentitySignIn() {
  const { t } = useTranslation();
  const { data } = useQuery(SignInProvidersDocument);
  const providers = data?.signInProviders ?? [];
  // The notice in force, asked only where there are buttons: a first sign-in opens an account, which records this version as accepted.
  const notice = useQuery(PrivacyNoticeDocument, { skip: providers.length === 0 });
  const noticeVersion = notice.data?.privacyNotice.version ?? '';
  const [retrying, setRetrying] = useState(false);
  const retryNotice = (): void => {
    setRetrying(true);
    notice
      .refetch()
      .catch(() => undefined)
      .finally(() => setRetrying(false));
  };
  // The buttons wait for the notice they name (without it a first sign-in opens no account).
  if (providers.length === 0 || (notice.loading && !retrying)) return null;
  const spid = providers.filter((provider) => provider.kind === 'SPID');
  const cie = providers.filter((provider) => provider.kind === 'CIE');
  const others = providers.filter((provider) => provider.kind === 'OIDC');
  return (
    <section aria-labelledby="digital-identity-heading" className="mt-4 mb-5">
      <h2 id="digital-identity-heading" className="h4">
        {t('digitalIdentity.heading')}
      </h2>
      <div className="d-flex flex-wrap align-items-start gap-3 mt-3">
        {spid.length === 1 ? <ProviderButton provider={spid[0]} label={t('digitalIdentity.spid')} icon="it-user" noticeVersion={noticeVersion} /> : null}
        {spid.length > 1 ? <SpidChooser providers={spid} noticeVersion={noticeVersion} /> : null}
        {cie.map((provider) => (
          <ProviderButton
            key={provider.id}
            provider={provider}
            label={cie.length === 1 ? t('digitalIdentity.cie') : `${t('digitalIdentity.cie')} – ${provider.name}`}
            icon="it-card"
            noticeVersion={noticeVersion}
          />
        ))}
        {others.map((provider) => (
          <ProviderButton key={provider.id} provider={provider} label={t('digitalIdentity.other', { name: provider.name })} icon="it-key" noticeVersion={noticeVersion} />
        ))}
      </div>
      <p className="small mt-3 mb-1">{t('digitalIdentity.newAccount')}</p>
      {noticeVersion ? (
        <p className="small mb-1">
          {t('digitalIdentity.privacyBefore')} <Link to={PATHS.privacy}>{t('register.privacyLink')}</Link> {t('digitalIdentity.privacyVersion', { version: noticeVersion })}.
        </p>
      ) : (
        // Without the notice's version a first sign-in opens no account: say so, and offer to ask again.
        <div className="alert alert-warning small py-2 mt-2 mb-1" role="status">
          <p className="mb-2">
            {t('digitalIdentity.noticeUnavailable')} <Link to={PATHS.privacy}>{t('register.privacyLink')}</Link>.
          </p>
          {/* Not disabled while it asks, so that the focus stays on it. */}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={retrying ? undefined : retryNotice} aria-disabled={retrying}>
            {retrying ? t('digitalIdentity.noticeRetrying') : t('digitalIdentity.noticeRetry')}
          </button>
        </div>
      )}
      {spid.length > 0 ? (
        <p className="small">
          {t('digitalIdentity.noSpid')}{' '}
          <a href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/" lang="it">
            {t('digitalIdentity.spidHelp')}
          </a>
        </p>
      ) : null}
      <h2 className="h4 mt-4">{t('digitalIdentity.or')}</h2>
    </section>
  );
}
