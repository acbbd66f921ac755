import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { apiFormErrors } from '../errors/form-errors';
import { AccountStatusDocument, ResendEmailVerificationDocument } from '../gql/generated';
import { currentLanguage } from '../i18n';

type Sent = { kind: 'sent'; email: string } | { kind: 'failed'; error: unknown } | null;

/**
 * Above every page of a signed-in account whose address is not confirmed yet: what that means,
 * and a button that sends the link again.
 */
export function VerifyEmailBanner() {
  const { user } = useSession();
  if (!user) return null;
  return <Banner key={user.id} />;
}

function Banner() {
  const { t } = useTranslation();
  const { data } = useQuery(AccountStatusDocument, { fetchPolicy: 'cache-and-network' });
  const [resend, { loading }] = useMutation(ResendEmailVerificationDocument);
  const [sent, setSent] = useState<Sent>(null);
  const me = data?.me;
  if (!me || me.emailVerified) return null;

  const send = async (): Promise<void> => {
    try {
      const { data: answer } = await resend();
      const result = answer?.resendEmailVerification;
      if (result?.__typename === 'EmailVerificationSent') setSent({ kind: 'sent', email: result.email });
    } catch (error) {
      setSent({ kind: 'failed', error });
    }
  };

  const failure = sent?.kind === 'failed' ? apiFormErrors(sent.error, {}, currentLanguage(), t('errors.network')).general.join(' ') : '';
  return (
    <div className="alert alert-warning mb-4" data-testid="verify-email-banner">
      <p className="mb-2">{t('verifyBanner.text', { email: me.email, context: me.role })}</p>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={loading} onClick={() => void send()}>
        {loading ? t('common.sending') : t('verifyBanner.resend')}
      </button>
      <div role="status" className="mt-2">
        {sent?.kind === 'sent' ? t('verifyBanner.sent', { email: sent.email }) : failure}
      </div>
    </div>
  );
}
