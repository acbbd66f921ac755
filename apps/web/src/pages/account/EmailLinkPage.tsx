import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { sessionStore } from '../../auth/session-store';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ConfirmEmailChangeDocument, VerifyEmailDocument } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { homePathFor, PATHS } from '../../routes';
import { useLinkToken } from './link-token';

/** The refusal's words in both languages (shown in the language of the moment), or none for a network failure. */
type Outcome = { ok: true; email: string; accountId: string } | { ok: false; words: { en: string; it: string } | null } | null;

/**
 * Where the links that prove an address lead: the one from the sign-up e-mail (`verify`) and the
 * one sent to a new address (`change`). The link is used as soon as the page opens.
 */
export function EmailLinkPage({ kind }: { kind: 'verify' | 'change' }) {
  const { t } = useTranslation();
  const token = useLinkToken();
  if (!token) {
    const title = t(kind === 'verify' ? 'emailLink.verifyTitle' : 'emailLink.changeTitle');
    return (
      <div className="row justify-content-center">
        <div className="col-lg-8">
          <PageTitle title={title}>{title}</PageTitle>
          <div className="alert alert-danger" role="alert">
            {t('emailLink.missing')}
          </div>
        </div>
      </div>
    );
  }
  // Another link opened in the same tab is another use.
  return <LinkUse key={token} kind={kind} token={token} />;
}

function LinkUse({ kind, token }: { kind: 'verify' | 'change'; token: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [verify] = useMutation(VerifyEmailDocument);
  const [confirm] = useMutation(ConfirmEmailChangeDocument);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const started = useRef(false);

  useEffect(() => {
    // A link is used once: never twice, even when React runs the effect twice.
    if (started.current) return;
    started.current = true;
    const use = async () =>
      kind === 'verify'
        ? (await verify({ variables: { input: { token } } })).data?.verifyEmail
        : (await confirm({ variables: { input: { token } } })).data?.confirmEmailChange;
    use()
      .then((result) => {
        if (result?.__typename === 'User') {
          sessionStore.emailChanged(result.id, result.email);
          setOutcome({ ok: true, email: result.email, accountId: result.id });
        } else setOutcome({ ok: false, words: result ? { en: result.message, it: result.messageIt } : null });
      })
      .catch(() => setOutcome({ ok: false, words: null }));
  }, [kind, token, verify, confirm]);

  const title = t(kind === 'verify' ? 'emailLink.verifyTitle' : 'emailLink.changeTitle');
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <PageTitle title={title}>{title}</PageTitle>
        {outcome === null ? <Loading /> : null}
        {outcome?.ok ? (
          <div className="alert alert-success" role="status">
            {t(kind === 'verify' ? 'emailLink.verified' : 'emailLink.changed', { email: outcome.email })}
            {/* A link of another account than the one signed in here (an e-mail opened on a shared computer): said so, the session stays. */}
            {user && user.id !== outcome.accountId ? <> {t('emailLink.otherAccount', { email: user.email })}</> : null}
          </div>
        ) : null}
        {outcome && !outcome.ok ? (
          <div className="alert alert-danger" role="alert">
            {outcome.words ? outcome.words[currentLanguage()] : t('errors.network')}
          </div>
        ) : null}
        {outcome ? (
          <p>
            <Link to={user ? (kind === 'change' ? PATHS.account : homePathFor(user.role)) : PATHS.login}>
              {user ? t(kind === 'change' ? 'emailLink.toAccount' : 'emailLink.toArea') : t('emailLink.toLogin')}
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
