import type { UserRole } from '../auth/user-role';
import type { RequestContext } from '../common/request-context';
import type { Words } from '../messages';
import type { ImportRowOutcome } from './import.types';

/** One column of an import's file: its Italian header, whether every file must have it, and its help text. */
export interface ImportColumn {
  readonly header: string;
  readonly required: boolean;
  /** What to write in it, for the template's documentation and the web page. */
  readonly help: Words;
}

/** A problem with one row: the column at fault (as in the header), or null for the row as a whole. */
export interface ImportIssue {
  readonly column: string | null;
  readonly reason: Words;
}

/** One data row of the file: its line (the header is line 1) and its cells by header name. */
export interface ImportRowInput {
  readonly line: number;
  readonly key: string;
  readonly cells: Readonly<Record<string, string>>;
  /** Found by the framework before the kind sees the row (a repeated key…): the row is never written. */
  readonly issues: readonly ImportIssue[];
}

/** What became of one row (in a dry run: what would become of it). */
export interface ImportRowResult {
  readonly line: number;
  readonly key: string;
  readonly outcome: ImportRowOutcome;
  readonly entityId: string | null;
  readonly issues: readonly ImportIssue[];
}

/**
 * An import kind: the extension point of the CSV import. The framework (ImportRunner) reads and
 * checks the file, numbers the lines, finds repeated keys, batches the rows, runs the transactions
 * of the chosen mode, records every row's result and reports progress. A kind says only:
 *  - `columns` and `keyColumn`: the row schema (Italian headers) and the external key column;
 *  - `begin`: who may import (its first line checks the caller's role and ownership) and the
 *    state shared by the batches (the caller's organisation, reference data);
 *  - `apply`: checks a batch of rows with the same rules as the API and, when `write` is true,
 *    writes the good ones in the context's transaction (creating or updating by external key).
 * It lives in the feature that owns the tables it writes.
 */
export interface ImportKind<Scope = unknown> {
  /** The name in the route: `/imports/<name>`. */
  readonly name: string;
  /** Who may use it: checked on the first line of every route of the kind. */
  readonly roles: readonly UserRole[];
  readonly columns: readonly ImportColumn[];
  readonly keyColumn: string;
  /** One example row for the template, by header, as it would import on `now` (its dates follow the day it is asked). */
  example(now: Date): Readonly<Record<string, string>>;
  begin(ctx: RequestContext): Promise<Scope>;
  apply(ctx: RequestContext, scope: Scope, rows: readonly ImportRowInput[], write: boolean): Promise<ImportRowResult[]>;
}

/** The kinds the platform knows, by name (provided by the import API module). */
export const IMPORT_KINDS = Symbol('IMPORT_KINDS');
export type ImportKinds = ReadonlyMap<string, ImportKind>;
