import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../errors/use-form-errors';
import { ApplyToOfferDocument, HelpRequestDocument, MyHelpRequestsDocument, MyMatchesDocument, OfferRecommendationsDocument, UnreadNotificationCountDocument } from '../../gql/generated';
import { PATHS, pathTo } from '../../routes';

interface Props {
  helpRequestId: string;
  offerId: string;
  offerTitle: string;
  /** The offer is full: the shop joins its waitlist. */
  waitlist: boolean;
  /** The element naming the offer: several apply buttons share the page. */
  describedBy: string;
  /** The request refused this offer before: the shop asks for it again, knowingly. */
  askAgain?: boolean;
}

/**
 * Applies (or joins the waitlist) and opens the new match. A free place is applied for without
 * joining any waitlist: if the offer filled up meanwhile, the shop is told so right here and the
 * button turns into joining its waitlist. The lists are refreshed only after a success: a refusal
 * changed nothing, and refreshing would move this card (and its message) away from the reader.
 */
export function ApplyButton({ helpRequestId, offerId, offerTitle, waitlist, describedBy, askAgain = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [existing, setExisting] = useState<string | null>(null);
  const [filledUp, setFilledUp] = useState(false);
  const joinWaitlist = waitlist || filledUp;
  const [apply, { loading }] = useMutation(ApplyToOfferDocument, {
    refetchQueries: ({ data }) =>
      data?.applyToOffer.__typename === 'Match' ? [OfferRecommendationsDocument, MyMatchesDocument, MyHelpRequestsDocument, HelpRequestDocument, UnreadNotificationCountDocument] : [],
  });
  const { errors, attempt, failWith, failBusiness, clear } = useFormErrors({});
  const prefix = `apply-${offerId}`;

  const submit = async (): Promise<void> => {
    clear();
    setExisting(null);
    try {
      const { data } = await apply({ variables: { input: { helpRequestId, offerId, joinWaitlist, askAgain } } });
      const result = data?.applyToOffer;
      if (!result) return;
      if (result.__typename === 'Match') {
        const notice = result.state === 'WAITLISTED' ? t('apply.waitlisted', { title: offerTitle, position: result.waitlistPosition ?? 1 }) : t('apply.applied', { title: offerTitle });
        navigate(pathTo(PATHS.shopMatch, result.id), { state: { notice } });
        return;
      }
      if (result.__typename === 'NotEligibleError') {
        const withReasons = (head: string, reasons: string[]): string => (reasons.length ? `${head}: ${reasons.join('; ')}` : head);
        failBusiness({
          field: null,
          message: withReasons(result.message, result.reasons.map((r) => r.message)),
          messageIt: withReasons(result.messageIt, result.reasons.map((r) => r.messageIt)),
        });
        return;
      }
      if (result.__typename === 'AlreadyAppliedError') setExisting(result.matchId);
      if (result.__typename === 'OfferFullError') setFilledUp(true);
      failBusiness({ ...result, field: null });
    } catch (error) {
      failWith(error);
    }
  };

  return (
    <div className="apply-zone">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} refusedTitle={joinWaitlist && !filledUp ? t('apply.refusedWaitlistTitle') : t('apply.refusedTitle')} />
      {existing ? (
        <p>
          <Link to={pathTo(PATHS.shopMatch, existing)}>{t('apply.openExisting')}</Link>
        </p>
      ) : null}
      <button type="button" className={joinWaitlist ? 'btn btn-outline-primary' : 'btn btn-primary'} disabled={loading} aria-describedby={describedBy} onClick={() => void submit()}>
        {loading ? t('common.sending') : askAgain ? t('apply.askAgain') : joinWaitlist ? t('apply.joinWaitlist') : t('apply.apply')}
      </button>
    </div>
  );
}
