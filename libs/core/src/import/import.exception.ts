export enum ImportErrorCode {
  UNKNOWN_KIND = 'UNKNOWN_KIND',
  BAD_MODE = 'BAD_MODE',
  NO_FILE = 'NO_FILE',
  SPREADSHEET = 'SPREADSHEET',
  BINARY = 'BINARY',
  NOT_UTF8 = 'NOT_UTF8',
  EMPTY = 'EMPTY',
  NO_SEPARATOR = 'NO_SEPARATOR',
  HEADER_MISSING = 'HEADER_MISSING',
  HEADER_UNKNOWN = 'HEADER_UNKNOWN',
  HEADER_REPEATED = 'HEADER_REPEATED',
  TOO_LARGE = 'TOO_LARGE',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  SYNTAX = 'SYNTAX',
  UPLOAD_CUT = 'UPLOAD_CUT',
  /** The account already has an import running in this process. */
  ALREADY_RUNNING = 'ALREADY_RUNNING',
  /** As many imports as this process runs at once are running. */
  BUSY = 'BUSY',
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
}

/** Why a file cannot be imported (or a job cannot be read), with what the message needs. */
export class ImportException extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: { line?: number; columns?: readonly string[]; known?: readonly string[]; limit?: number; kind?: string } = {},
  ) {
    super(code);
  }
}
