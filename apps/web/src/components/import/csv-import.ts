// CSV imports are HTTP routes of the API (multipart upload, streamed answer, CSV downloads), called
// with the session's token like the CSV exports: a token that expired is renewed once.
import { authorisedFetch, saveAsFile } from '../../auth/authorised-fetch';

/** The import kinds of the API (`/imports/<kind>`). */
export type ImportKind = 'offers' | 'shops';

export type ImportMode = 'DRY_RUN' | 'ALL_OR_NOTHING' | 'ROW_BY_ROW';

export interface ImportJob {
  id: string;
  mode: ImportMode;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  fileName: string;
  separator: string;
  rows: number;
  bytesRead: number;
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
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'SKIPPED' | 'INVALID' | 'CANCELLED';
  column: string | null;
  reason: { it: string; en: string } | null;
}

/** One column of an import's file, as the API lists it. */
export interface ImportColumn {
  header: string;
  required: boolean;
  /** The column that identifies a row (the external key). */
  key: boolean;
  help: { it: string; en: string };
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
}

type Words = { message?: string; messageIt?: string };

/** A refused file or request: the API's words. */
export class ImportRefusedError extends Error {
  constructor(readonly status: number, readonly body: Words | null) {
    super(body?.message ?? `HTTP ${status}`);
  }

  reason(language: 'it' | 'en'): string | undefined {
    return language === 'it' ? this.body?.messageIt : this.body?.message;
  }
}

async function authorised(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await authorisedFetch(url, init);
  if (!response.ok) throw new ImportRefusedError(response.status, (await response.json().catch(() => null)) as Words | null);
  return response;
}

/** Saves a CSV answer as a file, named as the API says. */
async function saveFile(url: string, fallback: string): Promise<void> {
  await saveAsFile(await authorised(url), fallback);
}

/** The file's columns, in the template's order. */
export async function fetchColumns(kind: ImportKind): Promise<ImportColumn[]> {
  return (await (await authorised(`/imports/${kind}/columns`)).json()) as ImportColumn[];
}

export const downloadTemplate = (kind: ImportKind): Promise<void> => saveFile(`/imports/${kind}/template.csv`, 'modello-importazione.csv');
/** The outcome of every row, in the language of the page. */
export const downloadReport = (jobId: string, language: 'it' | 'en'): Promise<void> =>
  saveFile(`/imports/jobs/${encodeURIComponent(jobId)}/report.csv?lang=${language}`, language === 'en' ? 'import-report.csv' : 'esito-importazione.csv');

/** The refused, skipped and cancelled rows of a job, a page at a time. */
export async function fetchProblems(jobId: string, first: number, offset: number): Promise<{ items: ImportProblem[]; totalCount: number }> {
  const response = await authorised(`/imports/jobs/${encodeURIComponent(jobId)}/problems?first=${first}&offset=${offset}`);
  return (await response.json()) as { items: ImportProblem[]; totalCount: number };
}

/**
 * Uploads the file and follows the answer's lines: `onProgress` after each batch, the finished job
 * at the end. The import goes on on the server even if this page is left.
 */
export async function runImport(kind: ImportKind, file: File, mode: ImportMode, onProgress: (progress: ImportProgress) => void): Promise<ImportJob> {
  const body = new FormData();
  body.append('file', file);
  const response = await authorised(`/imports/${kind}?mode=${mode}`, { method: 'POST', body });
  const reader = response.body?.getReader();
  if (!reader) throw new ImportRefusedError(response.status, null);
  const decoder = new TextDecoder();
  let buffered = '';
  let finished: ImportJob | null = null;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += decoder.decode(chunk.value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { type: string; job?: ImportJob; rows?: number; bytesRead?: number };
      if (event.type === 'progress') onProgress({ rows: event.rows ?? 0, bytesRead: event.bytesRead ?? 0 });
      if (event.type === 'finished' && event.job) finished = event.job;
    }
  }
  if (!finished) throw new ImportRefusedError(0, null);
  return finished;
}
