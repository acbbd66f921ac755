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
  /** The caller's organisation has no authorisation in force to run calls. */
  NOT_CALL_PUBLISHER = 'NOT_CALL_PUBLISHER',
  /** The caller's organisation is not approved (pending, rejected or suspended). */
  ORGANISATION_NOT_APPROVED = 'ORGANISATION_NOT_APPROVED',
  /** The call is run by the ministry or another organisation. */
  NOT_CALL_RUNNER = 'NOT_CALL_RUNNER',
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
