export enum HelpRequestErrorCode {
  HELP_REQUEST_NOT_FOUND = 'HELP_REQUEST_NOT_FOUND',
  /** A request the questionnaire's answers did not call for. */
  NOT_PROPOSED = 'NOT_PROPOSED',
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
