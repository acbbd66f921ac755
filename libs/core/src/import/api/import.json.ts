import type { ImportJobEntity } from '../import-job.entity';
import type { ImportRowEntity } from '../import-row.entity';
import type { ImportMode, ImportRowOutcome, ImportStatus } from '../import.types';

/** A job as the routes return it (no internal columns). */
export interface ImportJobJson {
  id: string;
  kind: string;
  mode: ImportMode;
  status: ImportStatus;
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
  createdAt: string;
  finishedAt: string | null;
}

export const importJobJson = (job: ImportJobEntity): ImportJobJson => ({
  id: job.id,
  kind: job.kind,
  mode: job.mode,
  status: job.status,
  fileName: job.fileName,
  separator: job.separator,
  rows: job.rows,
  bytesRead: job.bytesRead,
  created: job.created,
  updated: job.updated,
  unchanged: job.unchanged,
  skipped: job.skipped,
  invalid: job.invalid,
  written: job.written,
  failure: job.failureIt && job.failureEn ? { it: job.failureIt, en: job.failureEn } : null,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

export interface ImportRowJson {
  line: number;
  externalKey: string | null;
  outcome: ImportRowOutcome;
  column: string | null;
  reason: { it: string; en: string } | null;
}

export const importRowJson = (row: ImportRowEntity): ImportRowJson => ({
  line: row.line,
  externalKey: row.externalKey,
  outcome: row.outcome,
  column: row.columnName,
  reason: row.reasonIt && row.reasonEn ? { it: row.reasonIt, en: row.reasonEn } : null,
});

/** One line of the upload's answer stream. */
export const nextLine = (event: object): string => `${JSON.stringify(event)}\n`;
