import { type ApplicationMail, MESSAGES, type Words } from '../messages';
import { MailKind, MailLanguage } from './mail.types';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The values each kind of e-mail names. */
export interface MailValues {
  [MailKind.MATCH_APPLIED]: ApplicationMail;
}

type Parts<V> = { subject: (values: V) => Words; text: (values: V) => Words; html: (values: V) => Words };

const TEMPLATES: { [K in MailKind]: Parts<MailValues[K]> } = {
  [MailKind.MATCH_APPLIED]: { subject: MESSAGES.mail.matchAppliedSubject, text: MESSAGES.mail.matchAppliedText, html: MESSAGES.mail.matchAppliedHtml },
};

/** An e-mail of a kind in a language, from the catalogue's Handlebars templates. */
export function renderMail<K extends MailKind>(kind: K, language: MailLanguage, values: MailValues[K]): RenderedMail {
  const parts = TEMPLATES[kind] as Parts<MailValues[K]>;
  return { subject: parts.subject(values)[language], text: parts.text(values)[language], html: parts.html(values)[language] };
}
