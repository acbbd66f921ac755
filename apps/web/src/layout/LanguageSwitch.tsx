import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

const LANGUAGES: { code: Language; short: string }[] = [
  { code: 'it', short: 'IT' },
  { code: 'en', short: 'EN' },
];

/** Two toggle buttons, each named in its own language so that anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map(({ code, short }) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="btn btn-sm language-button"
          aria-pressed={i18n.language === code}
          aria-label={t(`common.languages.${code}`)}
          onClick={() => void i18n.changeLanguage(code)}
        >
          {short}
        </button>
      ))}
    </div>
  );
}
