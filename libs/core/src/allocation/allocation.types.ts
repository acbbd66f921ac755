/** QUEUED or SCHEDULED → RUNNING → PREVIEWED (dry run) or COMMITTED; FAILED; a SCHEDULED one may be CANCELLED. */
export enum AllocationRunStatus {
  SCHEDULED = 'SCHEDULED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  PREVIEWED = 'PREVIEWED',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** PREVIEW computes and shows who would get what; COMMIT also creates the matches. */
export enum AllocationRunMode {
  PREVIEW = 'PREVIEW',
  COMMIT = 'COMMIT',
}

/** Why the allocator left a request without an offer (from the engine's UnservedReason). */
export enum UnservedReasonCode {
  NO_ELIGIBLE_OFFER = 'NO_ELIGIBLE_OFFER',
  /** The only offers covering it are ones it refused, or that declined it (never offered to it again). */
  ONLY_REFUSED = 'ONLY_REFUSED',
  ALL_FULL = 'ALL_FULL',
  SHOP_LIMIT = 'SHOP_LIMIT',
  /** Runs with completeSetsOnly: the request's bundle could not be served whole, so none of it is. */
  SET_INCOMPLETE = 'SET_INCOMPLETE',
}

/** Why a run FAILED, as stored (models/allocation-run.models.ts words them). */
export enum RunFailure {
  RUN_FAILED = 'RUN_FAILED',
  /** Left RUNNING by a worker that stopped, and failed by the stale-run job. */
  WORKER_STOPPED = 'WORKER_STOPPED',
}
