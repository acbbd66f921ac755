import { useTranslation } from 'react-i18next';

export interface Formatters {
  date(iso: string): string;
  dateTime(iso: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** A 0–1 ratio as a percentage ("35,5%"); "–" when there is nothing to divide. */
  percent(ratio: number | null | undefined, maximumFractionDigits?: number): string;
}

/** Dates and numbers in the interface language (and the reader's own time zone). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  return {
    date: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso)),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    number: (value, maximumFractionDigits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (ratio, maximumFractionDigits = 1) => (ratio == null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio)),
  };
}
