/**
 * Where one e-mail stands. Only the worker moves a message past QUEUED; the rule that keeps a
 * crash from sending a second copy is in mail-delivery.service.ts (and the README, "E-mail").
 */
export enum MailStatus {
  /** Recorded with the change that caused it; a send job is queued (or due, after a back-off). */
  QUEUED = 'QUEUED',
  /** Committed before the message goes to the SMTP server: an attempt is (or was) under way. */
  SENDING = 'SENDING',
  /** The SMTP server accepted it. */
  SENT = 'SENT',
  /** Refused for good (an SMTP 5xx), or still failing after the last attempt. */
  FAILED = 'FAILED',
  /**
   * An attempt began but its outcome was never recorded (the worker stopped, or the connection
   * dropped after the message went out): it may have arrived, so it is never sent again by itself.
   * Staff decide.
   */
  UNCERTAIN = 'UNCERTAIN',
  /** No SMTP server is configured (never in production): kept in the development mailbox. */
  DEV_MAILBOX = 'DEV_MAILBOX',
}

/** What an e-mail is about; each kind has its templates in the message catalogue. */
export enum MailKind {
  /** A shop applied to a provider's offer and holds a place (PENDING): the provider should answer. */
  MATCH_APPLIED = 'MATCH_APPLIED',
  /** A facilitator invites a shop to let it act on its behalf. */
  DELEGATION_INVITATION = 'DELEGATION_INVITATION',
  /** A facilitator registered a shop under a paper consent: its owner may claim it. */
  SHOP_CLAIM_INVITATION = 'SHOP_CLAIM_INVITATION',
}

/** The languages e-mails are written in. */
export type MailLanguage = 'it' | 'en';
