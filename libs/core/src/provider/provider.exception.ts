export enum ProviderErrorCode {
  PROVIDER_NOT_REGISTERED = 'PROVIDER_NOT_REGISTERED',
  PROVIDER_NOT_FOUND = 'PROVIDER_NOT_FOUND',
  /** A verified organisation tried to change its name or website itself. */
  VERIFIED_DETAIL_LOCKED = 'VERIFIED_DETAIL_LOCKED',
}

export class ProviderException extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    /** The input field the failure is about, when there is one. */
    readonly field?: string,
  ) {
    super(code);
  }
}
