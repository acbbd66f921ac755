export enum MatchErrorCode {
  MATCH_NOT_FOUND = 'MATCH_NOT_FOUND',
  /** A part of a set names a request that is not one of the bundle's. */
  SET_PART_UNKNOWN = 'SET_PART_UNKNOWN',
  SET_PART_TWICE = 'SET_PART_TWICE',
  /** A part names an offer shops cannot see. */
  SET_OFFER_NOT_FOUND = 'SET_OFFER_NOT_FOUND',
  /** No set application with this id among the caller's (or the shop's it acts for). */
  SET_NOT_FOUND = 'SET_NOT_FOUND',
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
