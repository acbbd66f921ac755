import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { CloseOfferDocument, MyOffersDocument, PauseOfferDocument, PublishOfferDocument, ResumeOfferDocument, type OfferFieldsFragment, type OfferStatus } from '../../gql/generated';

type Action = 'publish' | 'pause' | 'resume' | 'close';

/** DRAFT → PUBLISHED ↔ PAUSED → CLOSED (a draft may also be closed). */
const ACTIONS: Record<OfferStatus, Action[]> = {
  DRAFT: ['publish', 'close'],
  PUBLISHED: ['pause', 'close'],
  PAUSED: ['resume', 'close'],
  // Only the Ministry lifts its suspension; the provider may still give the offer up.
  SUSPENDED: ['close'],
  CLOSED: [],
};

export function OfferStatusActions({ offer, onDone }: { offer: OfferFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [confirmClose, setConfirmClose] = useState(false);
  const options = { refetchQueries: [MyOffersDocument] };
  const [publish, publishing] = useMutation(PublishOfferDocument, options);
  const [pause, pausing] = useMutation(PauseOfferDocument, options);
  const [resume, resuming] = useMutation(ResumeOfferDocument, options);
  const [close, closing] = useMutation(CloseOfferDocument, options);
  const busy = publishing.loading || pausing.loading || resuming.loading || closing.loading;
  const { errors, attempt, send } = useFormErrors({});
  const prefix = `offer-status-${offer.id}`;

  const run = async (action: Action): Promise<void> => {
    const variables = { id: offer.id };
    const steps = {
      publish: async () => (await publish({ variables })).data?.publishOffer,
      pause: async () => (await pause({ variables })).data?.pauseOffer,
      resume: async () => (await resume({ variables })).data?.resumeOffer,
      close: async () => (await close({ variables })).data?.closeOffer,
    };
    const changed = await send('Offer', steps[action]);
    if (changed) {
      setConfirmClose(false);
      const awaiting = action !== 'close' && action !== 'pause' && changed.visibility === 'AWAITING_VERIFICATION';
      onDone(awaiting ? t('offers.done.publishAwaiting', { title: offer.title }) : t(`offers.done.${action}`, { title: offer.title }));
    }
  };

  const actions = ACTIONS[offer.status];
  if (actions.length === 0) return null;
  return (
    <div>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      {confirmClose ? (
        <div className="confirm-box" role="group" aria-labelledby={`${prefix}-question`}>
          <p id={`${prefix}-question`}>{t('offers.closeQuestion', { title: offer.title })}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void run('close')}>
              {t('offers.confirmClose')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn-sm ${action === 'close' ? 'btn-outline-danger' : action === 'pause' ? 'btn-outline-primary' : 'btn-primary'}`}
              disabled={busy}
              aria-describedby={`offer-${offer.id}-title`}
              onClick={() => (action === 'close' ? setConfirmClose(true) : void run(action))}
            >
              {t(`offers.actions.${action}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
