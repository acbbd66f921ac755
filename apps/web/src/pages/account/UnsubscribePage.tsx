import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { type MailKind, UnsubscribeByLinkDocument } from '../../gql/generated';
import { PATHS } from '../../routes';

/** The kind a link names (`<account>.<KIND>.<signature>`), to ask about it by name; the server checks the signature. */
const kindNamed = (token: string): string | null => /^[0-9a-f-]{36}\.([A-Z_]+)\./.exec(token)?.[1] ?? null;

/**
 * Where the unsubscribe link of an e-mail leads (no login needed): opening it changes nothing (a
 * link scanner may open it), the button turns the kind off. Mail clients that support one-click
 * unsubscribe POST to the same address instead, which the API answers.
 */
export function UnsubscribePage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [unsubscribe, { loading }] = useMutation(UnsubscribeByLinkDocument);
  const { notice, announce } = useNotice();
  const [refusal, setRefusal] = useState('');
  const [done, setDone] = useState(false);
  const named = kindNamed(token);
  const kindLabel = (kind: string) => t(`preferences.kinds.${kind as MailKind}`, { defaultValue: kind });

  const confirm = async (): Promise<void> => {
    setRefusal('');
    try {
      const { data } = await unsubscribe({ variables: { input: { token } } });
      const result = data?.unsubscribeByLink;
      if (result?.__typename === 'Unsubscribed') {
        setDone(true);
        announce(t('unsubscribe.done', { kind: kindLabel(result.kind) }));
      } else if (result) setRefusal(i18n.language === 'en' ? result.message : result.messageIt);
    } catch {
      setRefusal(t('errors.actionFailed'));
    }
  };

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={t('unsubscribe.title')}>{t('unsubscribe.title')}</PageTitle>
        <StatusNotice {...notice} />
        {refusal ? (
          <p className="alert alert-danger" role="alert">
            {refusal}
          </p>
        ) : null}
        {!token ? (
          <p>{t('unsubscribe.missing')}</p>
        ) : done ? null : (
          <>
            <p className="lead">{named ? t('unsubscribe.question', { kind: kindLabel(named) }) : t('unsubscribe.questionUnknown')}</p>
            <p>{t('unsubscribe.lead')}</p>
            <button type="button" className="btn btn-primary" disabled={loading} onClick={() => void confirm()}>
              {t('unsubscribe.confirm')}
            </button>
          </>
        )}
        <p className="mt-4">
          <Link to={PATHS.preferences}>{t('unsubscribe.preferencesLink')}</Link>
        </p>
      </div>
    </div>
  );
}
