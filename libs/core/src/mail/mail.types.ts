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
  /** Its recipient reads this kind once a day: kept for the next daily digest, never sent by itself. */
  DIGEST = 'DIGEST',
  /** Gathered into a daily digest (`digest_id`), which is sent instead. */
  DIGESTED = 'DIGESTED',
}

/** What an e-mail is about; each kind has its templates in the message catalogue. */
export enum MailKind {
  /** A shop applied to a provider's offer and holds a place (PENDING): the provider should answer. */
  MATCH_APPLIED = 'MATCH_APPLIED',
  /** The link proving a new account's address. A security e-mail: it can never be turned off. */
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  /** A password-reset link asked for on the sign-in page. A security e-mail: it can never be turned off. */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** The link, sent to the new address, that confirms a change of address. A security e-mail: it can never be turned off. */
  EMAIL_CHANGE_CONFIRM = 'EMAIL_CHANGE_CONFIRM',
  /** To the old address, once a change of address is confirmed. A security e-mail: it can never be turned off. */
  EMAIL_CHANGED_NOTICE = 'EMAIL_CHANGED_NOTICE',
  /** To the account, once its password is changed or reset. A security e-mail: it can never be turned off. */
  PASSWORD_CHANGED_NOTICE = 'PASSWORD_CHANGED_NOTICE',
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
  /** Staff verified the facilitator organisation (facilitator). */
  FACILITATOR_APPROVED = 'FACILITATOR_APPROVED',
  /** Staff could not verify the facilitator organisation, with the reason (facilitator). */
  FACILITATOR_REJECTED = 'FACILITATOR_REJECTED',
  /** Staff suspended the facilitator organisation, with the reason (facilitator). */
  FACILITATOR_SUSPENDED = 'FACILITATOR_SUSPENDED',
  /** What a selection call decided for an applicant: a place, the reserve list, or an exclusion with its reason (shop). */
  CALL_OUTCOME = 'CALL_OUTCOME',
  /** The 30- or 90-day outcome survey of a service is due (shop). */
  SURVEY_DUE = 'SURVEY_DUE',
  /** What a committed allocation run gave a shop: one e-mail per shop per run (shop). */
  ALLOCATION_SHOP = 'ALLOCATION_SHOP',
  /** What a committed allocation run gave a provider's offers: one e-mail per provider per run (provider). */
  ALLOCATION_PROVIDER = 'ALLOCATION_PROVIDER',
  /** The day's messages of the kinds a person reads once a day, in one e-mail. */
  DAILY_DIGEST = 'DAILY_DIGEST',
  /** A facilitator invites a shop to let it act on its behalf. */
  DELEGATION_INVITATION = 'DELEGATION_INVITATION',
  /** A facilitator registered a shop under a paper consent: its owner may claim it. */
  SHOP_CLAIM_INVITATION = 'SHOP_CLAIM_INVITATION',
  /** Another facilitator took over an unclaimed shop registered on paper: its owner is told who acts for it now. */
  SHOP_HANDED_OVER = 'SHOP_HANDED_OVER',
}

/** How a person wants a kind of e-mail. */
export enum MailDelivery {
  /** Each message as it happens (the default). */
  IMMEDIATELY = 'IMMEDIATELY',
  /** The day's messages of the kind gathered in one e-mail. */
  DAILY_DIGEST = 'DAILY_DIGEST',
  /** Not at all (the notifications in the web app remain). */
  OFF = 'OFF',
}

/**
 * The kinds a person may have in a digest or turn off. Every other kind (verification decisions,
 * the digest itself, and any kind added later, such as security messages) is always sent at once.
 */
export const ADJUSTABLE_MAIL_KINDS: readonly MailKind[] = [
  MailKind.MATCH_APPLIED,
  MailKind.MATCH_RESPONSE_REMINDER,
  MailKind.MATCH_ACCEPTED,
  MailKind.MATCH_DECLINED,
  MailKind.MATCH_EXPIRED,
  MailKind.MATCH_PROMOTED,
  MailKind.SURVEY_DUE,
  MailKind.ALLOCATION_SHOP,
  MailKind.ALLOCATION_PROVIDER,
];

export const isAdjustable = (kind: string): boolean => (ADJUSTABLE_MAIL_KINDS as readonly string[]).includes(kind);

/** The languages e-mails are written in: the recipient's. */
export type MailLanguage = `${UserLanguage}`;
