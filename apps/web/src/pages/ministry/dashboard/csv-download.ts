// A CSV export is an authenticated GET: fetched with the session's token (renewed once if it
// expired), then handed to the browser as a file named by the API. The API streams it; the browser
// holds the finished file until it is saved (a national list of requests is some tens of MB).
import { authorisedFetch, saveAsFile } from '../../../auth/authorised-fetch';
import type { MonitoringFilterInput } from '../../../gql/generated';
import type { Language } from '../../../i18n';

export const EXPORTS = [
  'kpis',
  'breakdown-region',
  'breakdown-province',
  'breakdown-category',
  'breakdown-sector',
  'timeseries-week',
  'timeseries-day',
  'unmet-demand',
  'capacity-offers',
  'capacity-providers',
  'shops',
  'help-requests',
  'matches',
  'offers',
  'providers',
] as const;
export type ExportName = (typeof EXPORTS)[number];

/** The file's headers follow the interface language: Italian is the API's default. */
export function exportUrl(name: ExportName, filter: MonitoringFilterInput, language: Language = 'it'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value) params.set(key, value);
  if (language === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/exports/${name}.csv${query ? `?${query}` : ''}`;
}

type Words = { message?: string; messageIt?: string };

/** A refused export: the API's error body (its own words, or those of the first field at fault). */
export class ExportFailedError extends Error {
  constructor(readonly status: number, readonly body: (Words & { fields?: Words[] }) | null) {
    super(body?.message ?? `HTTP ${status}`);
  }

  /** The reason in the language asked for, when the API gave one. */
  reason(language: 'it' | 'en'): string | undefined {
    const words = this.body?.fields?.[0] ?? this.body;
    return language === 'it' ? words?.messageIt : words?.message;
  }
}

/** Downloads one export; throws ExportFailedError with the API's message when it is refused. */
export async function downloadExport(name: ExportName, filter: MonitoringFilterInput, language: Language): Promise<void> {
  const response = await authorisedFetch(exportUrl(name, filter, language));
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string; messageIt?: string } | null;
    throw new ExportFailedError(response.status, body);
  }
  await saveAsFile(response, `vicini-e-connessi-${name}.csv`);
}
