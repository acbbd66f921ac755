export type MatchingInputErrorCode =
  | 'DUPLICATE_REQUEST_ID'
  | 'DUPLICATE_OFFER_ID'
  | 'INVALID_CONTEXT'
  | 'INVALID_COST_WEIGHTS'
  | 'PROBLEM_TOO_LARGE';

/**
 * Input the adapter should never send (a programming error, not a business outcome), so it is
 * thrown rather than returned; `code` is machine-readable.
 */
export class MatchingInputError extends Error {
  constructor(
    readonly code: MatchingInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MatchingInputError';
  }
}
