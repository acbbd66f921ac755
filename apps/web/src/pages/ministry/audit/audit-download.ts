// The filtered audit trail as a CSV file: an authenticated GET, as the dashboard's exports are.
import { authorisedFetch, saveAsFile } from '../../../auth/authorised-fetch';
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

/** Downloads the filtered trail; throws ExportFailedError with the API's message when refused. */
export async function downloadAuditTrail(filter: AuditEventFilterInput, language: Language): Promise<void> {
  const response = await authorisedFetch(auditExportUrl(filter, language));
  if (!response.ok) throw new ExportFailedError(response.status, (await response.json().catch(() => null)) as never);
  await saveAsFile(response, 'vicini-e-connessi-registro.csv');
}
