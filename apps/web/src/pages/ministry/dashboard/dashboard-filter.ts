// The dashboard's filter lives in the address (so a view can be bookmarked or shared) and becomes
// the API's MonitoringFilterInput; dates are whole days in Italy, the last one included.
import type { MonitoringFilterInput, ServiceCategory } from '../../../gql/generated';
import { instantOfItalianTime } from '../../../i18n/italian-time';

export interface DashboardFilter {
  regionCode: string;
  provinceCode: string;
  category: string;
  atecoSection: string;
  /** yyyy-mm-dd, or empty. */
  from: string;
  /** yyyy-mm-dd (included), or empty. */
  to: string;
}

/** The address parameter of each filter field, in Italian like the paths. */
export const FILTER_PARAMS: Record<keyof DashboardFilter, string> = {
  regionCode: 'regione',
  provinceCode: 'provincia',
  category: 'categoria',
  atecoSection: 'sezione',
  from: 'dal',
  to: 'al',
};

const FIELDS = Object.keys(FILTER_PARAMS) as (keyof DashboardFilter)[];

export function filterFromParams(params: URLSearchParams): DashboardFilter {
  const filter = {} as DashboardFilter;
  for (const field of FIELDS) filter[field] = params.get(FILTER_PARAMS[field])?.trim() ?? '';
  return filter;
}

export function paramsFromFilter(filter: DashboardFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (filter[field]) params.set(FILTER_PARAMS[field], filter[field]);
  return params;
}

/** Midnight in Italy of a yyyy-mm-dd day, `plusDays` later; null when the text is no such day. */
const dayStart = (day: string, plusDays: number): string | null => (day === day.trim() ? instantOfItalianTime(day, '00:00', plusDays) : null);

/** Midnight in Italy of a yyyy-mm-dd day as an ISO instant; null when the text is no such day. */
export const isoOfDay = (day: string): string | null => dayStart(day, 0);

/** The date fields whose text is not a calendar day (from an edited address). */
export function unreadableDates(filter: DashboardFilter): ('from' | 'to')[] {
  return (['from', 'to'] as const).filter((field) => filter[field] !== '' && dayStart(filter[field], 0) === null);
}

export interface FilterProblem {
  field: 'from' | 'to';
  reason: 'notADate' | 'endsBeforeStart';
}

/** What the reader can be told before asking the API: a date that is no day, a period ending before it starts. */
export function filterProblems(filter: DashboardFilter): FilterProblem[] {
  const problems: FilterProblem[] = unreadableDates(filter).map((field) => ({ field, reason: 'notADate' }));
  // yyyy-mm-dd texts compare as the days they name.
  if (problems.length === 0 && filter.from && filter.to && filter.to < filter.from) problems.push({ field: 'to', reason: 'endsBeforeStart' });
  return problems;
}

/** The API's filter; call it once `filterProblems` is empty (an unreadable date is left out). */
export function toMonitoringFilter(filter: DashboardFilter): MonitoringFilterInput {
  const input: MonitoringFilterInput = {};
  if (filter.regionCode) input.regionCode = filter.regionCode;
  if (filter.provinceCode) input.provinceCode = filter.provinceCode;
  if (filter.category) input.category = filter.category as ServiceCategory;
  if (filter.atecoSection) input.atecoSection = filter.atecoSection;
  const from = dayStart(filter.from, 0);
  // The API's `to` is exclusive: the chosen last day runs to the next midnight.
  const to = dayStart(filter.to, 1);
  if (from) input.from = from;
  if (to) input.to = to;
  return input;
}

export const isFiltered = (filter: DashboardFilter): boolean => FIELDS.some((field) => filter[field] !== '');
