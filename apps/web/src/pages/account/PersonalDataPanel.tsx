import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useActingFor } from '../../auth/acting-for';
import { useSession } from '../../auth/session-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { DeleteMyAccountDocument, MyErasureBlockersDocument } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { PATHS } from '../../routes';
import { downloadMyData } from './personal-data-download';

/**
 * The person's rights over their data, in their own area: download everything the platform holds
 * about them (Art. 15 and 20 GDPR), and delete the account (Art. 17), which the API refuses, saying
 * what to do first, while matches, waitlist places, requests or offers are live (for a facilitator:
 * shops it registered on paper that nobody has claimed, or calls it runs still open).
 */
export function PersonalDataPanel() {
  const { t } = useTranslation();
  const acting = useActingFor();
  // A facilitator in a shop's pages: the download and the deletion would be its own, not the shop's.
  if (acting) {
    return (
      <section className="profile-card mt-5" aria-labelledby="personal-data-title">
        <h2 className="h4" id="personal-data-title">
          {t('personalData.actingTitle')}
        </h2>
        <p className="mb-0">{t('personalData.actingText', { shop: acting.shopName })}</p>
      </section>
    );
  }
  return <OwnPersonalData />;
}

type GoTo = `personalData.goTo.${'matches' | 'applications' | 'requests' | 'offers' | 'desk' | 'calls'}`;

/** Where each thing that holds back an erasure is done, for the reader's role. */
function blockerPage(kind: string, role: string | undefined): { path: string; label: GoTo } | null {
  switch (kind) {
    case 'LIVE_OFFER_MATCHES':
      return { path: PATHS.providerApplications, label: 'personalData.goTo.applications' };
    case 'LIVE_MATCHES':
    case 'WAITLIST_ENTRIES':
      return role === 'PROVIDER' ? { path: PATHS.providerApplications, label: 'personalData.goTo.applications' } : { path: PATHS.shopMatches, label: 'personalData.goTo.matches' };
    case 'OPEN_REQUESTS':
      return { path: PATHS.shopRequests, label: 'personalData.goTo.requests' };
    case 'OPEN_OFFERS':
      return { path: PATHS.providerOffers, label: 'personalData.goTo.offers' };
    case 'UNCLAIMED_SHOPS':
      return { path: PATHS.facilitatorDesk, label: 'personalData.goTo.desk' };
    case 'OPEN_CALLS':
      return { path: PATHS.facilitatorCalls, label: 'personalData.goTo.calls' };
    default:
      return null;
  }
}

function OwnPersonalData() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signOut, user } = useSession();
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const [password, setPassword] = useState('');
  const blockers = useQuery(MyErasureBlockersDocument, { fetchPolicy: 'network-only' });
  const [deleteAccount, { loading }] = useMutation(DeleteMyAccountDocument);
  const labels = { password: t('personalData.password') };
  const { errors, attempt, send, dismiss, failBusiness } = useFormErrors(labels);
  const italian = currentLanguage() === 'it';
  const pending = blockers.data?.myErasureBlockers ?? [];

  const download = async (): Promise<void> => {
    if (downloading) return;
    setDownloading(true);
    setDownloaded(false);
    const ok = await downloadMyData();
    setDownloadFailed(!ok);
    setDownloaded(ok);
    setDownloading(false);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const erased = await send('AccountErased', async () => {
      const result = (await deleteAccount({ variables: { input: { password } } })).data?.deleteMyAccount;
      if (result?.__typename === 'AccountErasureRefusedError') {
        void blockers.refetch();
        failBusiness({ message: result.message, messageIt: result.messageIt });
        return null;
      }
      return result;
    });
    if (erased) {
      await signOut();
      navigate(PATHS.home, { state: { notice: t('personalData.deleted') } });
    }
  };

  return (
    <section className="profile-card mt-5" aria-labelledby="personal-data-title">
      <h2 id="personal-data-title" className="h3">
        {t('personalData.title')}
      </h2>
      <p>{t('personalData.downloadText')}</p>
      {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
      <button type="button" className="btn btn-outline-primary" onClick={() => void download()} aria-disabled={downloading}>
        {t('personalData.download')}
      </button>
      <p role="status" className={downloading || downloaded ? 'mt-2' : 'visually-hidden'}>
        {downloading ? t('personalData.downloading') : downloaded ? t('personalData.downloaded') : ''}
      </p>
      {downloadFailed ? (
        <p className="text-danger mt-2" role="alert">
          {t('personalData.downloadFailed')}
        </p>
      ) : null}

      <h3 className="h4 mt-5">{t('personalData.deleteTitle')}</h3>
      <p>{t('personalData.deleteText')}</p>
      {/* A shop's Partita IVA stays with the programme's decisions: said before, not found out when registering again. */}
      {user?.role === 'SHOP' ? <p data-testid="partita-iva-kept">{t('personalData.deletePartitaIvaKept')}</p> : null}
      {/* A refusal is read first, then what to do, each with the way to the page where it is done. */}
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="delete-account" />
      {pending.length > 0 ? (
        <div className="callout-note" data-testid="erasure-blockers">
          <p className="mb-2">{t('personalData.blockersIntro')}</p>
          <ul className="mb-0">
            {pending.map((blocker) => {
              const page = blockerPage(blocker.kind, user?.role);
              return (
                <li key={blocker.kind}>
                  {italian ? blocker.messageIt : blocker.message}
                  {page ? (
                    <>
                      {' '}
                      <Link to={page.path}>{t(page.label)}</Link>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="mt-3">
        <TextField
          id="delete-account-password"
          label={labels.password}
          type="password"
          autoComplete="current-password"
          required
          hint={t('personalData.passwordHint')}
          value={password}
          onChange={(value) => {
            setPassword(value);
            dismiss('password');
          }}
          error={errors.fields.password}
        />
        <button type="submit" className="btn btn-danger" disabled={loading} aria-disabled={loading}>
          {loading ? t('common.sending') : t('personalData.delete')}
        </button>
      </form>
    </section>
  );
}
