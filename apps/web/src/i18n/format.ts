// Numbers, percentages and dates in the page's language, through Intl, in one place: the React
// hook below and the `number` format of the translations ({{count, number}}) both come here.
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The locale of an interface language: Italian as written in Italy, English as in Europe (day first). */
export const localeOf = (language: string | undefined): string => (language === 'en' ? 'en-GB' : 'it-IT');

/**
 * Thousands are always grouped: Intl's Italian leaves four-digit numbers bare ("7904"), but public
 * Italian writing (ISTAT, the ministries) writes "7.904", and a table of mixed sizes reads better so.
 */
export function formatNumber(value: number, language: string | undefined, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits, useGrouping: 'always' }).format(value);
}

/** A 0–1 ratio as a percentage ("35,5%"); "–" when there is nothing to divide. */
export function formatPercent(ratio: number | null | undefined, language: string | undefined, maximumFractionDigits = 1): string {
  if (ratio == null) return '–';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits, useGrouping: 'always' }).format(ratio);
}

/**
 * The platform's days and hours are Italy's: an offer valid "from 1 January" starts at midnight in
 * Italy, and a deadline at 14:05 is 14:05 in Rome. Shown in Italian time wherever the reader's
 * device is set (a laptop on UTC would otherwise read "31 December"), as the e-mails write them.
 */
const TIME_ZONE = 'Europe/Rome';

export function formatDate(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A moment to the second ("7 dic 2026, 10:05:42"): what orders two applications made in one minute. */
export function formatMoment(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

/**
 * The end of a period: like formatDateTime, but midnight in Italy is written as 24:00 of the day
 * before ("31 dicembre 2026 alle ore 24:00"), so that a window closing at the end of 31 December
 * is not read as open on 1 January.
 */
export function formatEndDateTime(iso: string, language: string | undefined): string {
  const end = new Date(iso);
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE, hourCycle: 'h23' });
  const parts = format.formatToParts(end);
  const at = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  if (at('hour') !== '00' || at('minute') !== '00') return format.format(end);
  return format
    .formatToParts(new Date(end.getTime() - 60_000))
    .map((part) => (part.type === 'hour' ? '24' : part.type === 'minute' ? '00' : part.value))
    .join('');
}

/** Hours and minutes ("14:05"). */
export function formatTime(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** Day and short month, for chart axes ("3 mar", "3 Mar"). */
export function formatDayMonth(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export interface Formatters {
  date(iso: string): string;
  dateTime(iso: string): string;
  /** To the second: what orders two events of one minute. */
  moment(iso: string): string;
  /** The end of a period: midnight in Italy as 24:00 of the day before. */
  endDateTime(iso: string): string;
  dayMonth(iso: string): string;
  time(iso: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** A 0–1 ratio as a percentage ("35,5%"); "–" when there is nothing to divide. */
  percent(ratio: number | null | undefined, maximumFractionDigits?: number): string;
}

/** Dates and numbers in the interface language (dates and hours in Italy's time). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    date: (iso) => formatDate(iso, language),
    dateTime: (iso) => formatDateTime(iso, language),
    moment: (iso) => formatMoment(iso, language),
    endDateTime: (iso) => formatEndDateTime(iso, language),
    dayMonth: (iso) => formatDayMonth(iso, language),
    time: (iso) => formatTime(iso, language),
    number: (value, maximumFractionDigits) => formatNumber(value, language, maximumFractionDigits),
    percent: (ratio, maximumFractionDigits) => formatPercent(ratio, language, maximumFractionDigits),
  };
}

/** The articles, plain or fused with a preposition, that an Italian date may follow. */
export const DATE_ARTICLES = ['il', 'dal', 'al', 'del'] as const;
export type DateArticle = (typeof DATE_ARTICLES)[number];

/**
 * A written Italian date with its article: "il 12 marzo 2026"; elided before the vowel of "otto" and
 * "undici", "l'8 marzo", "l'11 marzo"; and the first of the month as an ordinal, "il 1° marzo". The
 * articulated prepositions follow suit: "dal 1°", "dall'8", "fino al 1°", "fino all'11", "dell'8".
 * A text that does not open with a day is only preceded by the article.
 */
export function datePhrase(article: DateArticle, written: string): string {
  const day = /^(\d{1,2})(?!\d)/.exec(written)?.[1];
  if (day === '1') return `${article} 1°${written.slice(1)}`;
  if (day === '8' || day === '11') return `${article === 'il' ? 'l' : `${article}l`}'${written}`;
  return `${article} ${written}`;
}

/**
 * `{{date, il}}`, `{{from, dal}}`, `{{to, al}}`, `{{date, del}}` in a translation: the date (already
 * written in words) with its article, through datePhrase. The Italian catalogue keeps the grammar;
 * the English one writes `{{date}}`.
 */
export function addDatePhraseFormats(instance: I18n): void {
  for (const article of DATE_ARTICLES) instance.services.formatter?.add(article, (value: unknown) => datePhrase(article, String(value)));
}

/** `{{count, number}}` in a translation goes through formatNumber, like every number the code formats. */
export function addNumberFormat(instance: I18n): void {
  instance.services.formatter?.add('number', (value: unknown, language: string | undefined) => (typeof value === 'number' ? formatNumber(value, language) : String(value)));
}
