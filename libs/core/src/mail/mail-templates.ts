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

/**
 * A kind's own templates: its subject, the body of its text and HTML parts, and, when it leads
 * somewhere, its button (the words, and the link among its values). The frame is added by
 * renderMail, the same for every kind.
 */
export interface MailParts<V> {
  subject: (values: V) => Words;
  text: (values: V) => Words;
  html: (values: V) => Words;
  action?: { label: (values: V) => Words; url: (values: V) => string };
}

/** The links of the footer, from the environment (APP_URL). */
export interface MailFooterLinks {
  privacyUrl: string;
  preferencesUrl: string;
  /** The signed link that turns this kind off for the recipient, when the kind can be turned off. */
  unsubscribeUrl: string | null;
}

const TEMPLATES: { [K in MailKind]: MailParts<MailValues[K]> } = {
  [MailKind.MATCH_APPLIED]: {
    subject: MESSAGES.mail.matchAppliedSubject,
    text: MESSAGES.mail.matchAppliedText,
    html: MESSAGES.mail.matchAppliedHtml,
    action: { label: MESSAGES.mail.matchAppliedAction, url: (values) => values.link },
  },
};

/** A kind's parts framed: the platform's name, the body, the button and the legal footer. */
export function renderFramed<V>(parts: MailParts<V>, language: MailLanguage, values: V, links: MailFooterLinks): RenderedMail {
  const frame = {
    subject: parts.subject(values),
    text: parts.text(values),
    html: parts.html(values),
    action: parts.action ? { label: parts.action.label(values), url: parts.action.url(values) } : null,
    ...links,
  };
  return { subject: frame.subject[language], text: MESSAGES.mailLayout.text(frame)[language], html: MESSAGES.mailLayout.html(frame)[language] };
}

/** An e-mail of a kind in a language, from the catalogue's Handlebars templates, in the common frame. */
export function renderMail<K extends MailKind>(kind: K, language: MailLanguage, values: MailValues[K], links: MailFooterLinks): RenderedMail {
  return renderFramed(TEMPLATES[kind] as MailParts<MailValues[K]>, language, values, links);
}
