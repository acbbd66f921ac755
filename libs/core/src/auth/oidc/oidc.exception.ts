/**
 * Why a sign-in through an identity provider ended without a session. The web app shows each in
 * Italian or English on its login page (`login.oidc.<code>` in apps/web/src/i18n); the codes are the
 * whole contract, no details of the provider's answer reach the browser.
 */
export enum OidcErrorCode {
  /** No provider of that id is configured. */
  UNKNOWN_PROVIDER = 'UNKNOWN_PROVIDER',
  /** The browser came back without the pending sign-in (took too long, another tab, cookies off). */
  LOGIN_EXPIRED = 'LOGIN_EXPIRED',
  /** The `state` that came back is not the one sent: possibly a forged request. */
  STATE_MISMATCH = 'STATE_MISMATCH',
  /** The person cancelled or refused consent at the provider. */
  DENIED = 'DENIED',
  /** The provider could not be reached, or answered something that failed the checks. */
  PROVIDER_ERROR = 'PROVIDER_ERROR',
  /** The provider did not give the data sign-in needs (the fiscal code for SPID and CIE). */
  MISSING_CLAIMS = 'MISSING_CLAIMS',
  /** No account yet and no e-mail address to create one with. */
  MISSING_EMAIL = 'MISSING_EMAIL',
  /** An account has this e-mail, but the provider does not vouch that the address is the person's. */
  EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED',
  /** A staff account reached by e-mail through a provider other than SPID or CIE: staff sign in with those or a password. */
  STAFF_NEEDS_PUBLIC_IDENTITY = 'STAFF_NEEDS_PUBLIC_IDENTITY',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  /**
   * No account yet, and the sign-in did not start from a page showing the privacy notice in force
   * (an old page, a bookmarked address): the account is opened only once the person has been shown it.
   */
  PRIVACY_NOTICE_NEEDED = 'PRIVACY_NOTICE_NEEDED',
  /** Too many sign-in attempts from this address. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}

export class OidcException extends Error {
  constructor(
    readonly code: OidcErrorCode,
    /** For the log only (never shown): what the library or the provider said. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
