import { useTranslation } from 'react-i18next';
import type { Language } from '../gql/generated';
import { MAIL_LANGUAGES } from '../i18n';
import { RadioGroup } from './fields';

/** The language a new account's e-mails are written in (sign-up, a shop claimed from its link). */
export function MailLanguageField({ id, value, onChange, error }: { id: string; value: Language; onChange: (language: Language) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      id={id}
      legend={t('register.language')}
      hint={t('register.languageHint')}
      options={MAIL_LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      value={value}
      onChange={(chosen) => onChange(chosen as Language)}
      error={error}
    />
  );
}
