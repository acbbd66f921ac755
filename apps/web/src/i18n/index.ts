// Italian first: the interface opens in Italian whatever the browser says; English on request,
// remembered in localStorage. Every user-facing string lives in it.json / en.json.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { addDatePhraseFormats, addNumberFormat } from './format';
import it from './it.json';

export type Language = 'it' | 'en';

const STORAGE_KEY = 'vec.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: ['it', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
});
addNumberFormat(i18n);
addDatePhraseFormats(i18n);

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
});

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'it');

/** Of the API's two wordings (`message` and `messageIt`, `failure` and `failureIt`…), the one of the moment. */
export const inLanguage = <T>(english: T, italian: T): T => (currentLanguage() === 'it' ? italian : english);

export { i18n };

/** The languages the platform writes its e-mails in, as the API names them. */
export const MAIL_LANGUAGES = ['IT', 'EN'] as const;
/** The pages' language, as the first guess for a new account's e-mails. */
export const pageMailLanguage = (): (typeof MAIL_LANGUAGES)[number] => (i18n.language === 'en' ? 'EN' : 'IT');
