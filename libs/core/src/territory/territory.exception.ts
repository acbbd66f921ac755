export enum TerritoryErrorCode {
  REGION_NOT_FOUND = 'REGION_NOT_FOUND',
  PROVINCE_NOT_FOUND = 'PROVINCE_NOT_FOUND',
  COMUNE_NOT_FOUND = 'COMUNE_NOT_FOUND',
  EMPTY_SEARCH = 'EMPTY_SEARCH',
}

export class TerritoryException extends Error {
  constructor(
    readonly code: TerritoryErrorCode,
    /** The argument or input field that named the missing place. */
    readonly field: string,
    readonly value: string,
  ) {
    super(`${code}: ${field}=${value}`);
  }
}
