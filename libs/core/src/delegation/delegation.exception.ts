export enum DelegationErrorCode {
  DELEGATION_NOT_FOUND = 'DELEGATION_NOT_FOUND',
  /** A handover that does not exist, or that the caller neither offered (to withdraw it) nor was offered (to answer it). */
  HANDOVER_NOT_FOUND = 'HANDOVER_NOT_FOUND',
  /** An invitation or claim link that is unknown, used, withdrawn or expired: all look the same. */
  LINK_INVALID = 'LINK_INVALID',
  DECLARED_IN_FUTURE = 'DECLARED_IN_FUTURE',
  /** A declaration dated before the years the platform deals in (a year mistyped). */
  DECLARED_OUT_OF_RANGE = 'DECLARED_OUT_OF_RANGE',
  /** Signed more than DECLARATION_VALID_YEARS ago. */
  DECLARED_TOO_LONG_AGO = 'DECLARED_TOO_LONG_AGO',
  /** The owner's address already had as many claim links from this organisation in a day as it may. */
  CLAIMS_TO_ADDRESS_LIMIT = 'CLAIMS_TO_ADDRESS_LIMIT',
  /**
   * The owner's address is an account's that could never claim the shop: a provider's, a
   * facilitator's or staff's, a disabled one, or a shop account that already has its business.
   */
  OWNER_ADDRESS_CANNOT_CLAIM = 'OWNER_ADDRESS_CANNOT_CLAIM',
  /** Another shop registered on paper already waits to be claimed at the owner's address: one account manages one shop. */
  OWNER_ADDRESS_HAS_SHOP_WAITING = 'OWNER_ADDRESS_HAS_SHOP_WAITING',
  /** The invited address is an account's that could never answer an invitation: not a shop account's, or a disabled one. */
  INVITEE_CANNOT_ANSWER = 'INVITEE_CANNOT_ANSWER',
  PASSWORD_NEEDED = 'PASSWORD_NEEDED',
  /** A new account is opened only with the privacy notice accepted. */
  PRIVACY_NOTICE_NEEDED = 'PRIVACY_NOTICE_NEEDED',
  /** A bulk operation (an import) by an organisation not verified, or suspended. */
  FACILITATOR_NOT_APPROVED = 'FACILITATOR_NOT_APPROVED',
}

export class DelegationException extends Error {
  constructor(
    readonly code: DelegationErrorCode,
    readonly field?: string,
  ) {
    super(code);
  }
}
