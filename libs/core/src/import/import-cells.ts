import type { ImportIssue } from './import-kind';

/** Reading the cells of CSV imports the way people write them in Italy: names, sì/no, days, lists. */

/** Names compared as people type them: case, accents, apostrophes and spacing ignored. */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const YES = new Set(['si', 'sì', 's', 'yes', 'y', 'true', 'vero', '1', 'x']);
const NO = new Set(['no', 'n', 'false', 'falso', '0']);

/** "sì"/"no" and their usual spellings; empty is no; anything else null. */
export function yesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (value === '' || NO.has(value)) return false;
  return YES.has(value) ? true : null;
}

const ROME_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'shortOffset' });

const offsets = new Map<number, number>();

/** The offset of Italian time from UTC at an instant, in minutes (CET +60, CEST +120). */
function romeOffsetMinutes(at: Date): number {
  const known = offsets.get(at.getTime());
  if (known !== undefined) return known;
  const offset = readOffset(at);
  // A file repeats the same few days: each is worked out once (a few thousand days at most).
  if (offsets.size < 10_000) offsets.set(at.getTime(), offset);
  return offset;
}

function readOffset(at: Date): number {
  const name = ROME_OFFSET.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const [, sign, hours, minutes] = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name) ?? ['', '+', '1', '0'];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

/** A day written dd/mm/yyyy (or yyyy-mm-dd): midnight at its start in Italy; null if it is not a real day. */
export function italianDay(text: string): Date | null {
  const value = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : [0, 0, 0];
  if (!year) return null;
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return new Date(utc.getTime() - romeOffsetMinutes(utc) * 60_000);
}

/** The last moment of that day in Italy (a millisecond before the next starts): an end date includes its day. Null when it is not a date. */
export function italianDayEnd(text: string): Date | null {
  const start = italianDay(text);
  if (!start) return null;
  const calendar = new Date(start.getTime() + 36 * 3_600_000);
  const next = new Date(Date.UTC(calendar.getUTCFullYear(), calendar.getUTCMonth(), calendar.getUTCDate()));
  return new Date(next.getTime() - romeOffsetMinutes(next) * 60_000 - 1);
}

/**
 * A whole number as written (thousands grouped by dots or spaces, as in Italy), else the text
 * itself for the input rules to refuse; empty: absent. However many digits: a number too large is
 * the rules' maximum to refuse ("at most 100,000"), not a number that cannot be read.
 */
export const wholeNumber = (text: string): number | string | undefined => {
  if (text === '') return undefined;
  const digits = text.replace(/[\s.]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : text;
};

/** Cells holding lists: items separated by | (or commas). */
export const listOf = (text: string): string[] =>
  text
    .split(/[|,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The issues of successive checks, leaving out a later check's issue on a column an earlier one already named: one reason per cell. */
export function firstIssuePerColumn(...checks: readonly (readonly ImportIssue[])[]): ImportIssue[] {
  const named = new Set<string>();
  return checks.flatMap((issues) => {
    const kept = issues.filter((issue) => issue.column === null || !named.has(issue.column));
    kept.forEach((issue) => issue.column !== null && named.add(issue.column));
    return kept;
  });
}
