export enum OfferErrorCode {
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  COVERAGE_EMPTY = 'COVERAGE_EMPTY',
  RADIUS_NO_CENTRE = 'RADIUS_NO_CENTRE',
  RADIUS_TWO_CENTRES = 'RADIUS_TWO_CENTRES',
  RADIUS_POINT_INCOMPLETE = 'RADIUS_POINT_INCOMPLETE',
  SECTORS_CONFLICT = 'SECTORS_CONFLICT',
  SECTORS_EMPTY = 'SECTORS_EMPTY',
  ATECO_UNKNOWN_SECTION = 'ATECO_UNKNOWN_SECTION',
  ATECO_UNKNOWN_DIVISION = 'ATECO_UNKNOWN_DIVISION',
  VALIDITY_ORDER = 'VALIDITY_ORDER',
  STATUS_FILTER_STAFF_ONLY = 'STATUS_FILTER_STAFF_ONLY',
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
