/** Time units, written once: the platform counts its deadlines and periods in days. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The instant `days` days after `from` (before it, when negative). */
export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);
