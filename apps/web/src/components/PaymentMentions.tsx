import { useTranslation } from 'react-i18next';

/**
 * Phrases of an offer that suggest the shop would pay, quoted for the reader to check: ministry
 * staff reviewing offers, or the provider before staff suspend it. Nothing when there are none.
 */
export function PaymentMentions({ phrases, audience }: { phrases: readonly string[]; audience: 'staff' | 'provider' }) {
  const { t } = useTranslation();
  if (phrases.length === 0) return null;
  const quoted = phrases.map((phrase) => `«${phrase}»`).join(', ');
  return (
    <p className="alert alert-warning mt-2" data-testid="payment-mentions">
      {t(audience === 'staff' ? 'offerReview.paymentMentions' : 'offers.paymentMentions', { phrases: quoted, count: phrases.length })}
    </p>
  );
}
