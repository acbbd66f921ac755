export enum MatchErrorCode {
  MATCH_NOT_FOUND = 'MATCH_NOT_FOUND',
}

export class MatchException extends Error {
  constructor(
    readonly code: MatchErrorCode,
    /** The argument or input field that named the match. */
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
