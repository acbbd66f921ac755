export enum HelpRequestErrorCode {
  HELP_REQUEST_NOT_FOUND = 'HELP_REQUEST_NOT_FOUND',
  /** A request the questionnaire's answers did not call for. */
  NOT_PROPOSED = 'NOT_PROPOSED',
  /** A bundle groups two or more services. */
  BUNDLE_TOO_SMALL = 'BUNDLE_TOO_SMALL',
  BUNDLE_NOT_FOUND = 'BUNDLE_NOT_FOUND',
}

export class HelpRequestException extends Error {
  constructor(
    readonly code: HelpRequestErrorCode,
    /** The argument or input field that named the request. */
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
