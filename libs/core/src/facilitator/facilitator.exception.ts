export enum FacilitatorErrorCode {
  FACILITATOR_NOT_REGISTERED = 'FACILITATOR_NOT_REGISTERED',
  FACILITATOR_NOT_FOUND = 'FACILITATOR_NOT_FOUND',
  TERRITORY_EMPTY = 'TERRITORY_EMPTY',
}

export class FacilitatorException extends Error {
  constructor(
    readonly code: FacilitatorErrorCode,
    readonly field?: string,
  ) {
    super(code);
  }
}
