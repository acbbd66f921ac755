// The filtered audit trail as a CSV file: an authenticated GET, as the dashboard's exports are.
import { refreshSession } from '../../../auth/refresh';
import { sessionStore } from '../../../auth/session-store';
import type { AuditEventFilterInput } from '../../../gql/generated';
import type { Language } from '../../../i18n';
import { ExportFailedError } from '../dashboard/csv-download';

/** The export's address with the filter as query parameters; headers follow the interface language. */
export function auditExportUrl(filter: AuditEventFilterInput, language: Language = 'it'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value) params.set(key, value);
  if (language === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/audit/events.csv${query ? `?${query}` : ''}`;
}

async function fetchWithSession(url: string): Promise<Response> {
  const token = sessionStore.getState().accessToken;
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Downloads the filtered trail; throws ExportFailedError with the API's message when refused. */
export async function downloadAuditTrail(filter: AuditEventFilterInput, language: Language): Promise<void> {
  const url = auditExportUrl(filter, language);
  let response = await fetchWithSession(url);
  if (response.status === 401 && (await refreshSession())) response = await fetchWithSession(url);
  if (!response.ok) throw new ExportFailedError(response.status, (await response.json().catch(() => null)) as never);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vicini-e-connessi-registro.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
