export enum FacilitatorErrorCode {
  FACILITATOR_NOT_REGISTERED = 'FACILITATOR_NOT_REGISTERED',
  FACILITATOR_NOT_FOUND = 'FACILITATOR_NOT_FOUND',
  TERRITORY_EMPTY = 'TERRITORY_EMPTY',
  /** A verified facilitator tried to change its name, website or territory itself. */
  VERIFIED_DETAIL_LOCKED = 'VERIFIED_DETAIL_LOCKED',
}

export class FacilitatorException extends Error {
  constructor(
    readonly code: FacilitatorErrorCode,
    readonly field?: string,
  ) {
    super(code);
  }
}
