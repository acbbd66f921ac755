export enum ShopErrorCode {
  SHOP_NOT_REGISTERED = 'SHOP_NOT_REGISTERED',
  SHOP_NOT_FOUND = 'SHOP_NOT_FOUND',
  /** A facilitator called a shop's operation without naming the shop it acts for. */
  NO_SHOP_NAMED = 'NO_SHOP_NAMED',
  ATECO_UNKNOWN_SECTION = 'ATECO_UNKNOWN_SECTION',
  ATECO_UNKNOWN_DIVISION = 'ATECO_UNKNOWN_DIVISION',
  ATECO_DIVISION_NOT_IN_SECTION = 'ATECO_DIVISION_NOT_IN_SECTION',
  COORDINATES_INCOMPLETE = 'COORDINATES_INCOMPLETE',
  COORDINATES_FAR_FROM_COMUNE = 'COORDINATES_FAR_FROM_COMUNE',
}

export class ShopException extends Error {
  constructor(
    readonly code: ShopErrorCode,
    readonly field?: string,
    readonly detail?: string,
    /** Values the message needs besides `detail` (section letters, distances, names). */
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(code);
  }
}
