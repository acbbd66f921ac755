import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { RadioGroup } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { type MailDelivery, type MailKind, MyMailPreferencesDocument, SetMailPreferenceDocument, type UserRole } from '../../gql/generated';

const DELIVERIES: MailDelivery[] = ['IMMEDIATELY', 'DAILY_DIGEST', 'OFF'];

/**
 * The kinds each role receives, in the order they are listed. The daily digest is not among them:
 * it is how the kinds set to DAILY_DIGEST arrive, not a kind of its own to list as "always sent".
 */
const KINDS_OF: Record<UserRole, MailKind[]> = {
  SHOP: ['MATCH_ACCEPTED', 'MATCH_DECLINED', 'MATCH_EXPIRED', 'MATCH_PROMOTED', 'ALLOCATION_SHOP', 'CALL_OUTCOME', 'SURVEY_DUE'],
  PROVIDER: ['MATCH_APPLIED', 'MATCH_RESPONSE_REMINDER', 'ALLOCATION_PROVIDER', 'PROVIDER_APPROVED', 'PROVIDER_REJECTED', 'PROVIDER_SUSPENDED'],
  MINISTRY: [],
  ADMIN: [],
  FACILITATOR: ['FACILITATOR_APPROVED', 'FACILITATOR_REJECTED', 'FACILITATOR_SUSPENDED', 'SURVEY_DUE'],
};

/**
 * Per kind of e-mail: at once, in the daily digest, or not at all; each choice is saved as it is
 * made and announced without moving the focus (arrow keys keep moving through the choices).
 */
export function MailPreferences() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, error } = useQuery(MyMailPreferencesDocument, { fetchPolicy: 'cache-and-network' });
  const [save] = useMutation(SetMailPreferenceDocument);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const kinds = user ? KINDS_OF[user.role] : [];
  const preferences = (data?.myMailPreferences ?? []).filter((p) => kinds.includes(p.kind)).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  const adjustable = preferences.filter((p) => p.adjustable);
  const always = preferences.filter((p) => !p.adjustable);

  const choose = async (kind: MailKind, delivery: MailDelivery): Promise<void> => {
    setFailed(false);
    try {
      const { data: saved } = await save({ variables: { input: { kind, delivery } }, refetchQueries: [MyMailPreferencesDocument] });
      if (saved?.setMailPreference.__typename === 'MailPreference') {
        setStatus(t('preferences.kindSaved', { kind: t(`preferences.kinds.${kind}`), delivery: t(`preferences.deliveries.${delivery}`) }));
      } else setFailed(true);
    } catch {
      setFailed(true);
    }
  };

  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby="preferences-mail-title" className="mt-5">
      <h2 id="preferences-mail-title" className="h4">
        {t('preferences.mailTitle')}
      </h2>
      <p>{t('preferences.mailLead')}</p>
      <div role="status" className={status ? 'alert alert-success' : 'visually-hidden'} data-testid="mail-preference-status">
        {status}
      </div>
      {failed ? (
        <p className="alert alert-danger" role="alert">
          {t('errors.actionFailed')}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert-danger" role="alert">
          {t('errors.loadFailed')}
        </p>
      ) : null}
      {!data && !error ? <Loading /> : null}
      {adjustable.map((preference) => (
        <RadioGroup
          key={preference.kind}
          id={`mail-${preference.kind}`}
          legend={t(`preferences.kinds.${preference.kind}`)}
          options={DELIVERIES.map((value) => ({ value, label: t(`preferences.deliveries.${value}`) }))}
          value={preference.delivery}
          onChange={(value) => void choose(preference.kind, value as MailDelivery)}
        />
      ))}
      {always.length > 0 ? (
        <>
          <h3 className="h5 mt-4">{t('preferences.alwaysTitle')}</h3>
          <p>{t('preferences.alwaysLead')}</p>
          <ul>
            {always.map((preference) => (
              <li key={preference.kind}>{t(`preferences.kinds.${preference.kind}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
