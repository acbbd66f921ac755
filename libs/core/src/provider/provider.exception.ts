export enum ProviderErrorCode {
  PROVIDER_NOT_REGISTERED = 'PROVIDER_NOT_REGISTERED',
  PROVIDER_NOT_FOUND = 'PROVIDER_NOT_FOUND',
}

export class ProviderException extends Error {
  constructor(readonly code: ProviderErrorCode) {
    super(code);
  }
}
