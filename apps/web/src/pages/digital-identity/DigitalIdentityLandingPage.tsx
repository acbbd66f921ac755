import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { claimCookieSession } from '../../auth/refresh';
import { sessionStore } from '../../auth/session-store';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { homePathFor, PATHS } from '../../routes';

/**
 * Where the API sends the browser back after a sign-in through an identity provider: the session
 * cookie is there, the access token not yet. One renewal gets it, then the person lands where
 * their role does after a password sign-in.
 */
export function DigitalIdentityLandingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      // A new account must never see what the cache holds from the previous one.
      await client.clearStore();
      const signedIn = await claimCookieSession().catch(() => false);
      const user = sessionStore.getState().user;
      if (signedIn && user) navigate(homePathFor(user.role), { replace: true });
      else setFailed(true);
    })();
  }, [client, navigate]);

  if (!failed) {
    return (
      <>
        <PageTitle title={t('digitalIdentity.completing')}>{t('digitalIdentity.completing')}</PageTitle>
        <Loading label={t('digitalIdentity.completing')} />
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('digitalIdentity.failedTitle')}>{t('digitalIdentity.failedTitle')}</PageTitle>
      <p className="alert alert-danger" role="alert">
        {t('digitalIdentity.errors.SESSION')}
      </p>
      <Link to={PATHS.login}>{t('digitalIdentity.retry')}</Link>
    </>
  );
}
