import { type ApplicationMail, type EmailChangedMail, type EmailLinkMail, MESSAGES, type PasswordResetMail, type Words } from '../messages';
import { MailKind, MailLanguage } from './mail.types';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The values each kind of e-mail names. */
export interface MailValues {
  [MailKind.MATCH_APPLIED]: ApplicationMail;
  [MailKind.EMAIL_VERIFICATION]: EmailLinkMail;
  [MailKind.PASSWORD_RESET]: PasswordResetMail;
  [MailKind.EMAIL_CHANGE_CONFIRM]: EmailLinkMail;
  [MailKind.EMAIL_CHANGED_NOTICE]: EmailChangedMail;
}

type Parts<V> = { subject: (values: V) => Words; text: (values: V) => Words; html: (values: V) => Words };

const account = MESSAGES.accountMail;
const ACCOUNT_TEMPLATES = {
  [MailKind.EMAIL_VERIFICATION]: { subject: account.emailVerificationSubject, text: account.emailVerificationText, html: account.emailVerificationHtml },
  [MailKind.PASSWORD_RESET]: { subject: account.passwordResetSubject, text: account.passwordResetText, html: account.passwordResetHtml },
  [MailKind.EMAIL_CHANGE_CONFIRM]: { subject: account.emailChangeSubject, text: account.emailChangeText, html: account.emailChangeHtml },
  [MailKind.EMAIL_CHANGED_NOTICE]: { subject: account.emailChangedSubject, text: account.emailChangedText, html: account.emailChangedHtml },
};

const TEMPLATES: { [K in MailKind]: Parts<MailValues[K]> } = {
  [MailKind.MATCH_APPLIED]: { subject: MESSAGES.mail.matchAppliedSubject, text: MESSAGES.mail.matchAppliedText, html: MESSAGES.mail.matchAppliedHtml },
  ...ACCOUNT_TEMPLATES,
};

/** An e-mail of a kind in a language, from the catalogue's Handlebars templates. */
export function renderMail<K extends MailKind>(kind: K, language: MailLanguage, values: MailValues[K]): RenderedMail {
  const parts = TEMPLATES[kind] as Parts<MailValues[K]>;
  return { subject: parts.subject(values)[language], text: parts.text(values)[language], html: parts.html(values)[language] };
}
