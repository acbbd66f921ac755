/** Time units, written once: the platform counts its deadlines and periods in days. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The instant `days` days after `from` (before it, when negative). */
export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day an instant falls on in Italy, as YYYY-MM-DD (what a date written on an Italian form means). */
export const italianDate = (at: Date): string => ROME_DAY.format(at);
