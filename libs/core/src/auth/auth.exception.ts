export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  NOT_AUTHENTICATED = 'NOT_AUTHENTICATED',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
  SESSION_ENDED = 'SESSION_ENDED',
  /** The account's password was set by someone else: it must choose its own before anything else. */
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
}

export class AuthException extends Error {
  constructor(readonly code: AuthErrorCode) {
    super(code);
  }
}
