/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export class ThrottleException extends Error {
  constructor(
    readonly reason: 'ADDRESS_LIMIT' | 'COST_LIMIT' | 'DELEGATION_LIMIT' | 'EMAIL_LIMIT' | 'ACCOUNT_LOCKED' | 'INVITATION_LIMIT',
    readonly retryAfterSeconds: number,
  ) {
    super(`${reason}: retry after ${retryAfterSeconds} s`);
  }
}
