export enum SelectionCallErrorCode {
  CALL_NOT_FOUND = 'CALL_NOT_FOUND',
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  /** The offer is a draft its provider has not published. */
  OFFER_NOT_PUBLISHED = 'OFFER_NOT_PUBLISHED',
  /** Publishing only: the offer is paused, so nobody sees it. */
  OFFER_PAUSED = 'OFFER_PAUSED',
  OFFER_SUSPENDED = 'OFFER_SUSPENDED',
  OFFER_CLOSED = 'OFFER_CLOSED',
  OFFER_PROVIDER_NOT_APPROVED = 'OFFER_PROVIDER_NOT_APPROVED',
  /** The offer's validity ends before the call closes (detail.date). */
  OFFER_VALIDITY_ENDS = 'OFFER_VALIDITY_ENDS',
  /** The offer's validity begins after the call closes (detail.date). */
  OFFER_NOT_YET_VALID = 'OFFER_NOT_YET_VALID',
  /** No comune of the call's territory is inside the offer's coverage: its places could go to no applicant. */
  OFFER_OUTSIDE_TERRITORY = 'OFFER_OUTSIDE_TERRITORY',
  /** The offer takes none of the sectors the call is open to. */
  OFFER_OTHER_SECTORS = 'OFFER_OTHER_SECTORS',
  /** More places than the offers have free (detail.asked, detail.free, detail.promised: of those, the places other open calls will take first). */
  PLACES_OVER_FREE_CAPACITY = 'PLACES_OVER_FREE_CAPACITY',
  /** A second criterion of the same kind. */
  DUPLICATE_CRITERION = 'DUPLICATE_CRITERION',
  /** A criterion carries a field of another kind (detail.kind: the one it carries, detail.belongsTo: the field's). */
  CRITERION_FIELD_NOT_FOR_KIND = 'CRITERION_FIELD_NOT_FOR_KIND',
  DUPLICATE_CODE = 'DUPLICATE_CODE',
  UNKNOWN_QUESTION = 'UNKNOWN_QUESTION',
  UNKNOWN_DECLARATION = 'UNKNOWN_DECLARATION',
  CRITERION_INCOMPLETE = 'CRITERION_INCOMPLETE',
  UNKNOWN_TERRITORY = 'UNKNOWN_TERRITORY',
  EMPLOYEE_BOUNDS = 'EMPLOYEE_BOUNDS',
  WINDOW_ORDER = 'WINDOW_ORDER',
  /** The window would already be over: the draft could never be published. */
  CLOSES_IN_PAST = 'CLOSES_IN_PAST',
  /** The caller's organisation has no authorisation in force to run calls. */
  NOT_CALL_PUBLISHER = 'NOT_CALL_PUBLISHER',
  /** The caller's organisation is not approved (pending, rejected or suspended). */
  ORGANISATION_NOT_APPROVED = 'ORGANISATION_NOT_APPROVED',
  /** The call is run by the ministry or another organisation. */
  NOT_CALL_RUNNER = 'NOT_CALL_RUNNER',
  /** The draft's organisation is no longer approved, or its authorisation was revoked: the draft stays unpublished. */
  PUBLISHER_NOT_AUTHORISED = 'PUBLISHER_NOT_AUTHORISED',
  /** A facilitator acting for a shop applies to a call its own organisation runs. */
  RUNNER_CANNOT_APPLY = 'RUNNER_CANNOT_APPLY',
}

/** The figures a refusal states: the dates, counts and kinds its message names. */
export interface SelectionCallErrorDetail {
  readonly date?: Date;
  readonly asked?: number;
  readonly free?: number;
  readonly promised?: number;
  readonly kind?: string;
  readonly belongsTo?: string;
}

export class SelectionCallException extends Error {
  constructor(
    readonly code: SelectionCallErrorCode,
    /** The argument or input field at fault, as a path from the operation's arguments. */
    readonly field: string,
    readonly detail: SelectionCallErrorDetail = {},
  ) {
    super(`${code}: ${field}`);
  }
}
