import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { SignInProvidersDocument, type SignInProvidersQuery } from '../../gql/generated';

type Provider = SignInProvidersQuery['signInProviders'][number];

/** A full-page link: the browser leaves for the identity provider (through the API) and comes back signed in. */
function ProviderButton({ provider, label, icon }: { provider: Provider; label: string; icon: string }) {
  return (
    <a className="btn btn-primary btn-icon" href={provider.loginPath}>
      <Icon name={icon} className="icon-white me-2" />
      <span>{label}</span>
    </a>
  );
}

/**
 * Several SPID identity providers: one "Entra con SPID" button opening the list to choose from, as
 * AgID's SPID button does (a disclosure button, so keyboard and screen readers follow it).
 */
function SpidChooser({ providers }: { providers: Provider[] }) {
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
              <a className="list-item" href={provider.loginPath}>
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
  if (providers.length === 0) return null;
  const spid = providers.filter((provider) => provider.kind === 'SPID');
  const cie = providers.filter((provider) => provider.kind === 'CIE');
  const others = providers.filter((provider) => provider.kind === 'OIDC');
  return (
    <section aria-labelledby="digital-identity-heading" className="mt-4 mb-5">
      <h2 id="digital-identity-heading" className="h4">
        {t('digitalIdentity.heading')}
      </h2>
      <div className="d-flex flex-wrap align-items-start gap-3 mt-3">
        {spid.length === 1 ? <ProviderButton provider={spid[0]} label={t('digitalIdentity.spid')} icon="it-user" /> : null}
        {spid.length > 1 ? <SpidChooser providers={spid} /> : null}
        {cie.map((provider) => (
          <ProviderButton key={provider.id} provider={provider} label={cie.length === 1 ? t('digitalIdentity.cie') : `${t('digitalIdentity.cie')} – ${provider.name}`} icon="it-card" />
        ))}
        {others.map((provider) => (
          <ProviderButton key={provider.id} provider={provider} label={t('digitalIdentity.other', { name: provider.name })} icon="it-key" />
        ))}
      </div>
      <p className="small mt-3 mb-1">{t('digitalIdentity.newAccount')}</p>
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
