import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_LANGUAGES } from '../../i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { MailPreferences } from './MailPreferences';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { type Language, MyPreferencesDocument, UpdateMyLanguageDocument } from '../../gql/generated';


/** The signed-in person's preferences: the language the platform writes to them in, and how each kind of e-mail reaches them. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyPreferencesDocument, { fetchPolicy: 'cache-and-network' });
  const [language, setLanguage] = useState<Language | ''>('');
  const [save, { loading }] = useMutation(UpdateMyLanguageDocument);
  const { notice, announce } = useNotice();
  const labels = { language: t('preferences.language') };
  const { errors, attempt, send } = useFormErrors(labels);
  const saved = data?.me.language;

  useEffect(() => {
    if (saved && !language) setLanguage(saved);
  }, [saved, language]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!language) return;
    const user = await send('User', async () => (await save({ variables: { input: { language } } })).data?.updateMyLanguage);
    if (user) announce(t('preferences.saved', { language: t(`languages.${user.language}`) }));
  };

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={t('preferences.title')}>{t('preferences.title')}</PageTitle>
        <p className="lead">{t('preferences.lead')}</p>
        <StatusNotice {...notice} />
        {error ? (
          <p className="alert alert-danger" role="alert">
            {t('errors.loadFailed')}
          </p>
        ) : null}
        <section aria-labelledby="preferences-language-title" className="mt-4">
          <h2 id="preferences-language-title" className="h4">
            {t('preferences.languageTitle')}
          </h2>
          {!data && !error ? (
            <Loading />
          ) : (
            <form noValidate onSubmit={(event) => void submit(event)}>
              <ErrorSummary errors={errors} attempt={attempt} idPrefix="preferences" />
              <RadioGroup
                id="preferences-language"
                legend={labels.language}
                hint={t('preferences.languageHint')}
                options={MAIL_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
                value={language}
                onChange={(value) => setLanguage(value as Language)}
                error={errors.fields.language}
              />
              <SubmitButton busy={loading}>{t('preferences.save')}</SubmitButton>
            </form>
          )}
        </section>
        <MailPreferences />
      </div>
    </div>
  );
}
