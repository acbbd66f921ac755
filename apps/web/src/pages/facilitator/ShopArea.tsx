import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useActingFor } from '../../auth/acting-for';
import { useSession } from '../../auth/session-context';
import { PageTitle } from '../../components/PageTitle';
import { PATHS } from '../../routes';
import { useActFor } from './use-act-for';

/**
 * The shop's screens: a shop's own, or a facilitator's once it has chosen a shop to act for (else
 * its desk). Once the API says the facilitator may no longer act for it, no screen of the shop is
 * shown (each would only fail to load): what happened, and the way back to the desk.
 */
export function ShopArea({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const acting = useActingFor();
  const { stop } = useActFor();
  if (user?.role === 'FACILITATOR' && !acting) return <Navigate to={PATHS.facilitatorDesk} replace />;
  if (user?.role === 'FACILITATOR' && acting?.ended) {
    return (
      <>
        <PageTitle title={t('acting.endedTitle', { name: acting.shopName })}>{t('acting.endedTitle', { name: acting.shopName })}</PageTitle>
        <p>{t('acting.endedWhy')}</p>
        <button type="button" className="btn btn-primary" onClick={() => void stop()}>
          {t('acting.backToDesk')}
        </button>
      </>
    );
  }
  return children;
}
