export enum HelpRequestErrorCode {
  HELP_REQUEST_NOT_FOUND = 'HELP_REQUEST_NOT_FOUND',
  /** A request the questionnaire's answers did not call for. */
  NOT_PROPOSED = 'NOT_PROPOSED',
  /** A bundle groups two or more services. */
  BUNDLE_TOO_SMALL = 'BUNDLE_TOO_SMALL',
  /** More services than the shop may hold at once: the bundle, served whole or not at all, could never be served. */
  BUNDLE_TOO_LARGE = 'BUNDLE_TOO_LARGE',
  BUNDLE_NOT_FOUND = 'BUNDLE_NOT_FOUND',
}

export class HelpRequestException extends Error {
  constructor(
    readonly code: HelpRequestErrorCode,
    /** The argument or input field that named the request. */
    readonly field: string,
    /** BUNDLE_TOO_LARGE: how many services the shop may still add, and how many it may hold at once. */
    readonly room?: { free: number; limit: number },
  ) {
    super(`${code}: ${field}`);
  }
}
