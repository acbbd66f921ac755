// A CSV export is an authenticated GET: fetched with the session's token (renewed once if it
// expired), then handed to the browser as a file named by the API. The API streams it; the browser
// holds the finished file until it is saved (a national list of requests is some tens of MB).
import { refreshSession } from '../../../auth/refresh';
import { sessionStore } from '../../../auth/session-store';
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

/** The file name from `content-disposition`, else one made from the export's name. */
function fileName(response: Response, name: ExportName): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? `vicini-e-connessi-${name}.csv`;
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

async function fetchExport(url: string): Promise<Response> {
  const token = sessionStore.getState().accessToken;
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Downloads one export; throws ExportFailedError with the API's message when it is refused. */
export async function downloadExport(name: ExportName, filter: MonitoringFilterInput, language: Language): Promise<void> {
  const url = exportUrl(name, filter, language);
  let response = await fetchExport(url);
  if (response.status === 401 && (await refreshSession())) response = await fetchExport(url);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string; messageIt?: string } | null;
    throw new ExportFailedError(response.status, body);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
