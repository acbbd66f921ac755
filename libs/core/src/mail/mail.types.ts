import type { UserLanguage } from '../auth/user-language';

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
  /** A place held for the provider's answer expires tomorrow (provider): a scheduled job, once per match. */
  MATCH_RESPONSE_REMINDER = 'MATCH_RESPONSE_REMINDER',
  /** The provider accepted the shop's request (shop). */
  MATCH_ACCEPTED = 'MATCH_ACCEPTED',
  /** The provider declined the shop's request, with its reason (shop). */
  MATCH_DECLINED = 'MATCH_DECLINED',
  /** The provider did not answer in time: the held place expired (shop). */
  MATCH_EXPIRED = 'MATCH_EXPIRED',
  /** A place freed up and the shop's waitlisted request now holds it (shop). */
  MATCH_PROMOTED = 'MATCH_PROMOTED',
  /** Staff verified the provider (provider). */
  PROVIDER_APPROVED = 'PROVIDER_APPROVED',
  /** Staff could not verify the provider, with the reason (provider). */
  PROVIDER_REJECTED = 'PROVIDER_REJECTED',
  /** Staff suspended the provider, with the reason (provider). */
  PROVIDER_SUSPENDED = 'PROVIDER_SUSPENDED',
  /** The 30- or 90-day outcome survey of a service is due (shop). */
  SURVEY_DUE = 'SURVEY_DUE',
  /** What a committed allocation run gave a shop: one e-mail per shop per run (shop). */
  ALLOCATION_SHOP = 'ALLOCATION_SHOP',
  /** What a committed allocation run gave a provider's offers: one e-mail per provider per run (provider). */
  ALLOCATION_PROVIDER = 'ALLOCATION_PROVIDER',
}

/** The languages e-mails are written in: the recipient's. */
export type MailLanguage = `${UserLanguage}`;
