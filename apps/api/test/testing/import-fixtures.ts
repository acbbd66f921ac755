import { OFFER_IMPORT_EXAMPLE } from '@vec/core/offer/api/import/offer-import.row';
import type { TestApp } from './test-app';

export type ImportEvent = { type: 'started' | 'finished'; job: ImportJob } | ({ type: 'progress' } & Record<string, number>);

export interface ImportJob {
  id: string;
  mode: string;
  status: string;
  separator: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
  written: boolean;
  failure: { it: string; en: string } | null;
}

export interface ImportProblem {
  line: number;
  externalKey: string | null;
  outcome: string;
  column: string | null;
  reason: { it: string; en: string } | null;
}

/** A row of the offers file: the template's example with these cells changed. */
export const anOfferRow = (cells: Record<string, string> = {}): Record<string, string> => ({
  ...OFFER_IMPORT_EXAMPLE,
  valida_dal: '01/01/2026',
  valida_fino_al: '31/12/2030',
  ...cells,
});

/** A CSV file of these rows (the header from the first), as Excel writes it in Italy unless told otherwise. */
export function csvOf(rows: readonly Record<string, string>[], options: { separator?: string; bom?: boolean } = {}): Buffer {
  const separator = options.separator ?? ';';
  const quote = (cell: string): string => (/[";,\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const header = Object.keys(rows[0]);
  const lines = [header.join(separator), ...rows.map((row) => header.map((column) => quote(row[column] ?? '')).join(separator))];
  const text = `${lines.join('\r\n')}\r\n`;
  return Buffer.concat([options.bom === false ? Buffer.alloc(0) : Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Uploads a file to an import; the answer's status, its JSON body (a refusal) or its lines (an import). */
export async function upload(
  api: TestApp,
  accessToken: string,
  file: Buffer,
  mode: 'DRY_RUN' | 'ALL_OR_NOTHING' | 'ROW_BY_ROW',
  options: { kind?: string; name?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; events: ImportEvent[]; job: ImportJob | undefined }> {
  const response = await api
    .http()
    .post(`/imports/${options.kind ?? 'offers'}?mode=${mode}`)
    .set('authorization', `Bearer ${accessToken}`)
    .attach('file', file, options.name ?? 'offerte.csv')
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
  const text = String(response.body);
  const ndjson = String(response.headers['content-type']).startsWith('application/x-ndjson');
  const events = ndjson ? text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ImportEvent) : [];
  const last = events[events.length - 1];
  return {
    status: response.status,
    body: ndjson ? {} : (JSON.parse(text) as Record<string, unknown>),
    events,
    job: last && last.type === 'finished' ? last.job : undefined,
  };
}

/** Every refused, skipped or cancelled row of a job, in line order. */
export async function problemsOf(api: TestApp, accessToken: string, jobId: string): Promise<ImportProblem[]> {
  const response = await api.http().get(`/imports/jobs/${jobId}/problems?first=500`).set('authorization', `Bearer ${accessToken}`);
  expect(response.status).toBe(200);
  return (response.body as { items: ImportProblem[] }).items;
}
