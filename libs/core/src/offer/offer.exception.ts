export enum OfferErrorCode {
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  COVERAGE_EMPTY = 'COVERAGE_EMPTY',
  RADIUS_NO_CENTRE = 'RADIUS_NO_CENTRE',
  RADIUS_TWO_CENTRES = 'RADIUS_TWO_CENTRES',
  RADIUS_POINT_INCOMPLETE = 'RADIUS_POINT_INCOMPLETE',
  /** A radius around a point outside Italy; detail: `km|limit|nearest comune`. */
  RADIUS_CENTRE_OUTSIDE_ITALY = 'RADIUS_CENTRE_OUTSIDE_ITALY',
  SECTORS_CONFLICT = 'SECTORS_CONFLICT',
  SECTORS_EMPTY = 'SECTORS_EMPTY',
  ATECO_UNKNOWN_SECTION = 'ATECO_UNKNOWN_SECTION',
  ATECO_UNKNOWN_DIVISION = 'ATECO_UNKNOWN_DIVISION',
  VALIDITY_ORDER = 'VALIDITY_ORDER',
  /** An edit that ends the offer's validity already: closing it is how an offer stops now. */
  VALIDITY_IN_PAST = 'VALIDITY_IN_PAST',
  /** A new offer whose validity has already ended: it could never be published. */
  CREATED_ENDED = 'CREATED_ENDED',
  /** A start of validity more than a year ahead (shops look for help now); detail: the latest start allowed, ISO. */
  START_TOO_FAR = 'START_TOO_FAR',
  /**
   * An edit that would leave shops holding or waiting for a place outside the offer's rules;
   * detail: `count|shop|comune|category`.
   */
  HOLDERS_CATEGORY = 'HOLDERS_CATEGORY',
  HOLDERS_OUTSIDE_COVERAGE = 'HOLDERS_OUTSIDE_COVERAGE',
  HOLDERS_SECTOR = 'HOLDERS_SECTOR',
  HOLDERS_NOT_STARTED = 'HOLDERS_NOT_STARTED',
  HOLDERS_EXPIRED = 'HOLDERS_EXPIRED',
  STATUS_FILTER_STAFF_ONLY = 'STATUS_FILTER_STAFF_ONLY',
  INTEGRATIONS_TOO_MANY = 'INTEGRATIONS_TOO_MANY',
  INTEGRATION_SELF = 'INTEGRATION_SELF',
  INTEGRATION_DUPLICATE = 'INTEGRATION_DUPLICATE',
  INTEGRATION_PARTNER_NOT_FOUND = 'INTEGRATION_PARTNER_NOT_FOUND',
  INTEGRATION_SAME_PROVIDER = 'INTEGRATION_SAME_PROVIDER',
}

export class OfferException extends Error {
  constructor(
    readonly code: OfferErrorCode,
    /** The argument or input field at fault, e.g. `input.coverage.radii.0` (see field-path.ts). */
    readonly field: string,
    readonly detail?: string,
  ) {
    super(`${code}: ${field}`);
  }
}
