// The platform's days and hours are Italy's, on any device: what a form's date and time fields
// mean, and what they show of an instant. Time-zone arithmetic (summer time included) is
// @date-fns/tz's; this file only reads and writes the fields' text.
import { TZDate } from '@date-fns/tz';

export const ITALIAN_TIME_ZONE = 'Europe/Rome';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** The yyyy-mm-dd of a date field for the day an instant falls on in Italy. */
export function italianDayOf(instant: string | Date): string {
  const date = new TZDate(new Date(instant).getTime(), ITALIAN_TIME_ZONE);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The hh:mm of a time field for an instant, in Italy. */
export function italianTimeOf(instant: string | Date): string {
  const date = new TZDate(new Date(instant).getTime(), ITALIAN_TIME_ZONE);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant of a day (yyyy-mm-dd) and a time (hh:mm, midnight when left out) in Italy,
 * `plusDays` later, as an ISO string; null when the text is no such day or time.
 */
export function instantOfItalianTime(day: string, time = '00:00', plusDays = 0): string | null {
  const d = DAY.exec(day.trim());
  const h = TIME.exec(time.trim());
  if (!d || !h) return null;
  const [year, month, date, hours, minutes] = [Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(h[1]), Number(h[2])];
  const calendar = new Date(Date.UTC(year, month, date));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month || calendar.getUTCDate() !== date) return null;
  if (hours > 23 || minutes > 59) return null;
  const instant = new TZDate(year, month, date + plusDays, hours, minutes, ITALIAN_TIME_ZONE);
  return new Date(instant.getTime()).toISOString();
}

/** A datetime-local field's text (yyyy-mm-ddThh:mm) as an instant in Italy; null when it is not one. */
export function instantOfItalianDateTime(local: string): string | null {
  const [day, time, ...rest] = local.trim().split('T');
  return day && time && rest.length === 0 ? instantOfItalianTime(day, time.slice(0, 5)) : null;
}

/** An instant as a datetime-local field's text, in Italy. */
export function italianDateTimeOf(instant: string | Date): string {
  return `${italianDayOf(instant)}T${italianTimeOf(instant)}`;
}
