import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, TextField } from '../../components/fields';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { useFormErrors } from '../../errors/use-form-errors';
import { OfferReviewDocument, ReinstateOfferDocument, SuspendOfferDocument, type OfferFieldsFragment } from '../../gql/generated';

interface Props {
  offer: OfferFieldsFragment;
  onDone: (message: string) => void;
}

/**
 * Staff suspend an offer whose conditions are not free (the reason reaches its provider), or lift
 * a suspension, which leaves the offer paused for its provider to resume.
 */
export function OfferModeration({ offer, onDone }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const refetch = { refetchQueries: [OfferReviewDocument], awaitRefetchQueries: true };
  const [suspend, suspending] = useMutation(SuspendOfferDocument, refetch);
  const [reinstate, reinstating] = useMutation(ReinstateOfferDocument, refetch);
  const suspended = offer.status === 'SUSPENDED';
  const labels = { reason: t('offerReview.reason'), note: t('offerReview.note') };
  const { errors, attempt, send } = useFormErrors(labels);
  const prefix = `moderation-${offer.id}`;
  // The form takes the button's place: the focus goes to its field, and back to the button on cancel.
  const focusAfter = useFocusAfter();
  const buttonId = `${prefix}-open`;
  const fieldId = `${prefix}-${suspended ? 'note' : 'reason'}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = suspended
      ? await send('Offer', async () => (await reinstate({ variables: { input: { offerId: offer.id, note: text || undefined } } })).data?.reinstateOffer)
      : await send('Offer', async () => (await suspend({ variables: { input: { offerId: offer.id, reason: text } } })).data?.suspendOffer);
    if (done) {
      focusAfter(byId(buttonId));
      setOpen(false);
      setText('');
      onDone(t(suspended ? 'offerReview.reinstated' : 'offerReview.suspended', { title: offer.title }));
    }
  };

  if (!open) {
    return (
      <button
        id={buttonId}
        type="button"
        className={suspended ? 'btn btn-primary mt-3' : 'btn btn-outline-danger mt-3'}
        aria-describedby={`review-${offer.id}-title`}
        onClick={() => {
          focusAfter(byId(fieldId));
          setOpen(true);
        }}
      >
        {t(suspended ? 'offerReview.reinstate' : 'offerReview.suspend')}
      </button>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="decision-form mt-3" aria-label={t(suspended ? 'offerReview.confirmReinstate' : 'offerReview.confirmSuspend')}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField
        id={fieldId}
        label={suspended ? labels.note : labels.reason}
        hint={t(suspended ? 'offerReview.noteHint' : 'offerReview.reasonHint')}
        required={!suspended}
        multiline
        value={text}
        onChange={setText}
        error={suspended ? errors.fields.note : errors.fields.reason}
      />
      <FormActions
        busy={suspending.loading || reinstating.loading}
        submitLabel={t(suspended ? 'offerReview.confirmReinstate' : 'offerReview.confirmSuspend')}
        onCancel={() => {
          focusAfter(byId(buttonId));
          setOpen(false);
        }}
      />
    </form>
  );
}
