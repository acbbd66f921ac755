export enum PrivacyErrorCode {
  /** Staff asked for the data of an account that does not exist. */
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  /** Staff must say why they export someone's data (the person's request, its reference). */
  EXPORT_REASON_REQUIRED = 'EXPORT_REASON_REQUIRED',
}

export class PrivacyException extends Error {
  constructor(
    readonly code: PrivacyErrorCode,
    /** The argument or input field at fault. */
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
