import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplyToOfferSetDocument, BundleRecommendationsDocument, MyHelpRequestsDocument } from '../../gql/generated';

interface Props {
  bundleId: string;
  parts: { helpRequestId: string; offerId: string }[];
  describedBy: string;
  /** The set holds its places: the page announces it (this card goes, its parts no longer open). */
  onApplied: (message: string) => void;
}

/** Applies the bundle to the whole set: a place in every part, or none; says which part was full. */
export function ApplySetButton({ bundleId, parts, describedBy, onApplied }: Props) {
  const { t, i18n } = useTranslation();
  const [apply, applying] = useMutation(ApplyToOfferSetDocument, { refetchQueries: [BundleRecommendationsDocument, MyHelpRequestsDocument] });
  const [message, setMessage] = useState<string | null>(null);
  const send = async (): Promise<void> => {
    setMessage(null);
    try {
      const result = (await apply({ variables: { input: { bundleId, parts } } })).data?.applyToOfferSet;
      if (result?.__typename === 'MatchSet') onApplied(t('bundle.applied', { count: result.matches.length }));
      else if (result) setMessage(i18n.language === 'en' ? result.message : result.messageIt);
    } catch {
      setMessage(t('errors.network'));
    }
  };
  return (
    <div className="mt-3">
      <button type="button" className="btn btn-primary" aria-describedby={describedBy} disabled={applying.loading} onClick={() => void send()}>
        {applying.loading ? t('bundle.applying') : t('bundle.apply')}
      </button>
      <div role="status" className={message ? 'alert alert-danger mt-3' : undefined}>
        {message}
      </div>
    </div>
  );
}
