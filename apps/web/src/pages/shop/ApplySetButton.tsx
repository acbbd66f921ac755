import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplyToOfferSetDocument, BundleRecommendationsDocument, MyHelpRequestsDocument } from '../../gql/generated';

interface Props {
  bundleId: string;
  parts: { helpRequestId: string; offerId: string }[];
  describedBy: string;
  /** Some part's offer is full: the shop asks to wait for the whole set (every part on its offer's waitlist). */
  waitForSet?: boolean;
  /** The set holds its places, or waits for them: the page announces it (this card goes, its parts no longer open). */
  onApplied: (message: string) => void;
}

/**
 * Applies the bundle to the whole set: a place in every part, or none; says which part was full,
 * and then offers to wait for the whole set instead.
 */
export function ApplySetButton({ bundleId, parts, describedBy, waitForSet = false, onApplied }: Props) {
  const { t, i18n } = useTranslation();
  const [apply, applying] = useMutation(ApplyToOfferSetDocument, { refetchQueries: [BundleRecommendationsDocument, MyHelpRequestsDocument] });
  const [message, setMessage] = useState<string | null>(null);
  const [fullPart, setFullPart] = useState(false);
  const send = async (joinWaitlist: boolean): Promise<void> => {
    setMessage(null);
    setFullPart(false);
    try {
      const result = (await apply({ variables: { input: { bundleId, parts, joinWaitlist } } })).data?.applyToOfferSet;
      if (result?.__typename === 'MatchSet') onApplied(result.waitlisted ? t('bundle.waiting', { count: result.matches.length }) : t('bundle.applied', { count: result.matches.length }));
      else if (result) {
        setMessage(i18n.language === 'en' ? result.message : result.messageIt);
        setFullPart(result.code === 'SET_PART_FULL');
      }
    } catch {
      setMessage(t('errors.network'));
    }
  };
  return (
    <div className="mt-3">
      <button type="button" className="btn btn-primary" aria-describedby={describedBy} disabled={applying.loading} onClick={() => void send(waitForSet)}>
        {applying.loading ? t('bundle.applying') : waitForSet ? t('bundle.waitForSet') : t('bundle.apply')}
      </button>
      <div role="status" className={message ? 'alert alert-danger mt-3' : undefined}>
        {message}
      </div>
      {fullPart ? (
        <button type="button" className="btn btn-outline-primary mt-2" aria-describedby={describedBy} disabled={applying.loading} onClick={() => void send(true)}>
          {t('bundle.waitForSet')}
        </button>
      ) : null}
    </div>
  );
}
