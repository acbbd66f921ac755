import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { CloseOfferDocument, MyOffersDocument, PauseOfferDocument, PublishOfferDocument, ResumeOfferDocument, type MyOffersQuery, type OfferStatus } from '../../gql/generated';

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

export function OfferStatusActions({ offer, onDone }: { offer: MyOffersQuery['myOffers']['items'][number]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  // Closing is asked twice: the question takes the focus, and "cancel" gives it back to the button.
  const closeConfirmation = useConfirmation();
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
      closeConfirmation.close();
      const awaiting = action !== 'close' && action !== 'pause' && changed.visibility === 'AWAITING_VERIFICATION';
      onDone(awaiting ? t('offers.done.publishAwaiting', { title: offer.title }) : t(`offers.done.${action}`, { title: offer.title }));
    }
  };

  const actions = ACTIONS[offer.status];
  if (actions.length === 0) return null;
  return (
    <div>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      {closeConfirmation.asking ? (
        <ConfirmBox
          id={`${prefix}-close`}
          question={[
            t('offers.closeQuestion', { title: offer.title }),
            // What closing does to the shops already on it: those waiting for an answer still get one; the waitlist ends.
            offer.usage.pending > 0 ? t('offers.closePending', { count: offer.usage.pending }) : '',
            offer.usage.waitlisted > 0 ? t('offers.closeWaitlisted', { count: offer.usage.waitlisted }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          confirmLabel={t('offers.confirmClose')}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onConfirm={() => void run('close')}
          onCancel={closeConfirmation.cancel}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {actions.map((action) => (
            <button
              key={action}
              ref={action === 'close' ? closeConfirmation.trigger : undefined}
              type="button"
              className={`btn btn-sm ${action === 'close' ? 'btn-outline-danger' : action === 'pause' ? 'btn-outline-primary' : 'btn-primary'}`}
              disabled={busy}
              aria-describedby={`offer-${offer.id}-title`}
              onClick={() => (action === 'close' ? closeConfirmation.ask() : void run(action))}
            >
              {t(`offers.actions.${action}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
