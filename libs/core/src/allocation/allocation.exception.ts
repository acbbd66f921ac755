export enum AllocationErrorCode {
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  RUN_AT_IN_PAST = 'RUN_AT_IN_PAST',
  RUN_AT_TOO_FAR = 'RUN_AT_TOO_FAR',
}

export class AllocationException extends Error {
  constructor(
    readonly code: AllocationErrorCode,
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
