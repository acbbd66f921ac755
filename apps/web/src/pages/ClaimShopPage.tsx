import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useLinkCode } from './account/link-token';
import { useSession } from '../auth/session-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { SubmitButton, TextField } from '../components/fields';
import { MailLanguageField } from '../components/MailLanguageField';
import { LoadFailed, Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { StatusNotice, useNotice } from '../components/StatusNotice';
import { useFormErrors } from '../errors/use-form-errors';
import { AccountStatusDocument, ClaimShopDocument, DelegationLinkDocument, type Language, PrivacyNoticeDocument } from '../gql/generated';
import { pageMailLanguage } from '../i18n';
import { useFormat } from '../i18n/format';
import { PATHS } from '../routes';

/**
 * A shop a facilitator registered on a paper consent, claimed by its owner from the e-mailed link:
 * with a password for a new account, or with the shop account the owner is signed in with.
 */
export function ClaimShopPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const code = useLinkCode();
  const { user } = useSession();
  // An owner who has an account at the address signs in first and comes back here, link and all.
  const location = useLocation();
  const back = { from: `${location.pathname}${location.hash}` };
  const { data, error, loading } = useQuery(DelegationLinkDocument, { variables: { link: code } });
  const [claim, claiming] = useMutation(ClaimShopDocument);
  const client = useApolloClient();
  const [password, setPassword] = useState('');
  // The language of the pages is a good first guess for the e-mails', as when signing up.
  const [language, setLanguage] = useState<Language>(pageMailLanguage);
  // A new account accepts the notice in force, as signing up does; the API records the version.
  const privacyNotice = useQuery(PrivacyNoticeDocument, { skip: Boolean(user) });
  const noticeVersion = privacyNotice.data?.privacyNotice.version ?? '';
  const labels = { password: t('claim.password'), link: t('delegationLink.link'), privacyNoticeVersion: t('register.privacyLink'), language: t('register.language') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const { notice, announce } = useNotice();
  const [claimed, setClaimed] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = user ? { link: code } : { link: code, password, privacyNoticeVersion: noticeVersion, language };
    const done = await send('ClaimedShop', async () => (await claim({ variables: { input } })).data?.claimShop);
    if (done) {
      // Signed in, the account now has its shop and a confirmed address: what was read of either before the claim no longer holds.
      if (user) {
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'myShop' });
        await client.refetchQueries({ include: [AccountStatusDocument] });
      }
      setClaimed(true);
      announce(user ? t('claim.doneSignedIn') : t('claim.done', { email: done.email }));
    }
  };

  let body;
  if (loading) body = <Loading />;
  else if (error || !data) body = error ? <p className="alert alert-warning">{t('delegationLink.invalid')}</p> : <LoadFailed />;
  else {
    const link = data.delegationLink;
    // The link is its address's: signed in with another account, there is nothing to claim here.
    const otherAccount = user && !claimed && user.email.toLowerCase() !== link.email.toLowerCase();
    body = otherAccount ? (
      <p className="alert alert-warning">{t('claim.otherAccount', { email: link.email, account: user.email })}</p>
    ) : claimed ? (
      <Link className="btn btn-primary" to={user ? PATHS.shop : PATHS.login}>
        {user ? t('claim.toShop') : t('claim.toLogin')}
      </Link>
    ) : (
      <>
        <p className="lead">
          {t(link.registeredByName ? 'claim.leadHandedOver' : 'claim.lead', {
            facilitator: link.facilitatorName,
            registeredBy: link.registeredByName ?? '',
            shop: link.shopName ?? '',
            date: link.paperDeclaredOn ? date(link.paperDeclaredOn) : '',
          })}
        </p>
        <p>{t('claim.after')}</p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary errors={errors} attempt={attempt} idPrefix="claim" />
          {user ? (
            <p>{t('claim.signedIn', { email: user.email })}</p>
          ) : (
            <>
              <p>{t('claim.newAccount', { email: link.email })}</p>
              <p>
                {t('claim.haveAccount', { email: link.email })}{' '}
                <Link to={PATHS.login} state={back}>
                  {t('claim.signInAndReturn')}
                </Link>
              </p>
              <TextField
                id="claim-password"
                label={labels.password}
                type="password"
                autoComplete="new-password"
                required
                hint={t('register.passwordHint')}
                value={password}
                onChange={(value) => {
                  setPassword(value);
                  dismiss('password');
                }}
                error={errors.fields.password}
              />
              <MailLanguageField
                id="claim-language"
                value={language}
                onChange={(value) => {
                  setLanguage(value);
                  dismiss('language');
                }}
                error={errors.fields.language}
              />
              <p className="small">
                {t('claim.privacyBefore')} <Link to={PATHS.privacy}>{t('register.privacyLink')}</Link>
                {noticeVersion ? ` ${t('register.privacyVersion', { version: noticeVersion })}` : ''}.
              </p>
            </>
          )}
          <SubmitButton busy={claiming.loading || privacyNotice.loading}>{t('claim.submit')}</SubmitButton>
        </form>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('claim.title')}>{t('claim.title')}</PageTitle>
      <StatusNotice {...notice} />
      {body}
    </>
  );
}
