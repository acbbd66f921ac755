/**
 * When a free period of `months` started at `start` ends: calendar months in UTC, overflowing
 * as Date does (31 January + 1 month = 3 March), so the period is never shortened.
 */
export function freePeriodEnd(start: Date, months: number): Date {
  const end = new Date(start.getTime());
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}
