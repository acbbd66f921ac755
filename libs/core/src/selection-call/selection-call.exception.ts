export enum SelectionCallErrorCode {
  CALL_NOT_FOUND = 'CALL_NOT_FOUND',
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  DUPLICATE_CODE = 'DUPLICATE_CODE',
  UNKNOWN_QUESTION = 'UNKNOWN_QUESTION',
  UNKNOWN_DECLARATION = 'UNKNOWN_DECLARATION',
  CRITERION_INCOMPLETE = 'CRITERION_INCOMPLETE',
  UNKNOWN_TERRITORY = 'UNKNOWN_TERRITORY',
  EMPLOYEE_BOUNDS = 'EMPLOYEE_BOUNDS',
  WINDOW_ORDER = 'WINDOW_ORDER',
}

export class SelectionCallException extends Error {
  constructor(
    readonly code: SelectionCallErrorCode,
    /** The argument or input field at fault, as a path from the operation's arguments. */
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
