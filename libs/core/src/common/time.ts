/** Time units, written once: the platform counts its deadlines and periods in days. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The years the platform deals in: a date outside them is a typing mistake (and one near JavaScript's limits overflows PostgreSQL's arithmetic). */
export const EARLIEST_DATE = new Date('1900-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('2199-12-31T23:59:59.999Z');

/** The instant `days` days after `from` (before it, when negative). */
export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day an instant falls on in Italy, as YYYY-MM-DD (what a date written on an Italian form means). */
export const italianDate = (at: Date): string => ROME_DAY.format(at);

const ROME_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as ISO 8601 in Italian time, with its offset (2026-11-06T00:00:00.000+01:00): the
 * same instant as its UTC form, but a reader sees the Italian day and hour it fell on.
 */
export function italianIsoInstant(at: Date): string {
  const part = Object.fromEntries(ROME_PARTS.formatToParts(at).map(({ type, value }) => [type, value]));
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second), at.getUTCMilliseconds());
  const offset = Math.round((wall - at.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}.${ms}${sign}${hh}:${mm}`;
}
