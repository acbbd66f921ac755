import { useTranslation } from 'react-i18next';
import { useActingFor } from '../../auth/acting-for';
import { useSession } from '../../auth/session-context';
import { Icon } from '../../components/Icon';
import { useActFor } from './use-act-for';

/** On every page while a facilitator acts for a shop: on whose behalf, and the way back to the desk. */
export function ActingBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const acting = useActingFor();
  const { stop } = useActFor();
  if (user?.role !== 'FACILITATOR' || !acting) return null;
  return (
    <section className="acting-banner" aria-label={t('acting.regionLabel')} data-testid="acting-banner">
      <div className="container d-flex flex-wrap align-items-center justify-content-between gap-2 py-2">
        {acting.ended ? (
          // The API no longer lets the facilitator act for it: said at once, with the way back.
          <p className="mb-0" role="alert">
            <Icon name="it-warning-circle" /> {t('acting.ended', { name: acting.shopName })}
          </p>
        ) : (
          <p className="mb-0">
            <Icon name="it-user" /> {t('acting.onBehalfOf')} <strong>{acting.shopName}</strong>
          </p>
        )}
        <button type="button" className="btn btn-sm btn-outline-primary bg-white" onClick={() => void stop()}>
          {t('acting.backToDesk')}
        </button>
      </div>
    </section>
  );
}
