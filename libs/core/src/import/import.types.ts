/** How an uploaded file is used: only checked, or written all at once or row by row. */
export enum ImportMode {
  /** Every row checked with the API's rules; nothing written. */
  DRY_RUN = 'DRY_RUN',
  /** One transaction: any row refused and nothing is written. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** Good rows written (a batch per transaction), bad ones reported. */
  ROW_BY_ROW = 'ROW_BY_ROW',
}

export enum ImportStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  /** The file could not be read to its end (cut upload, broken quoting, too many rows). */
  FAILED = 'FAILED',
}

/** What happened to one row (in a dry run: what would happen). */
export enum ImportRowOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  /** Valid, but the rules of the thing imported refuse the change (an offer closed, places taken…). */
  SKIPPED = 'SKIPPED',
  /** A cell breaks the input rules. */
  INVALID = 'INVALID',
  /** All or nothing, and other rows were refused: this one was not written either. */
  CANCELLED = 'CANCELLED',
}
