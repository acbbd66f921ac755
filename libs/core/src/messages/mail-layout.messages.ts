import Handlebars from 'handlebars';
import type { Words } from './words';

/** The platform's name, as every e-mail signs itself. */
export const PLATFORM_NAME = 'Vicini e connessi';

/** The button of an e-mail: what it says and where it leads (a page of the web app). */
export interface MailAction {
  label: Words;
  url: string;
}

/**
 * What the frame around every e-mail names: the message's own subject and body (rendered in both
 * languages by the kind's templates), its action, and the links of the footer.
 */
/**
 * Why the recipient gets the e-mail, as its footer says: it has an account; the address was given
 * for an account (a change of address to confirm); or an organisation that helps businesses gave
 * it for a business (an invitation, a claim link), whether or not the address has an account.
 */
export type MailRecipient = 'ACCOUNT' | 'NEW_ADDRESS' | 'NAMED_BY_ORGANISATION';

const WHY_YOU_RECEIVE_IT: Readonly<Record<MailRecipient, Words>> = {
  ACCOUNT: {
    en: `You receive this e-mail because you have an account on ${PLATFORM_NAME}; it was sent automatically, please do not reply.`,
    it: `Ricevi questa e-mail perché hai un account su ${PLATFORM_NAME}; è stata inviata automaticamente, non rispondere.`,
  },
  NEW_ADDRESS: {
    en: `You receive this e-mail because this address was given for an account on ${PLATFORM_NAME}; if you did not ask for it, ignore it and nothing changes. It was sent automatically, please do not reply.`,
    it: `Ricevi questa e-mail perché questo indirizzo è stato indicato per un account su ${PLATFORM_NAME}; se non l’hai chiesto tu, ignorala e non cambierà nulla. È stata inviata automaticamente, non rispondere.`,
  },
  NAMED_BY_ORGANISATION: {
    en: `You receive this e-mail because an organisation that helps businesses gave this address on ${PLATFORM_NAME} for a business; it was sent automatically, please do not reply.`,
    it: `Ricevi questa e-mail perché un’organizzazione che aiuta le attività ha indicato questo indirizzo su ${PLATFORM_NAME} per un’attività; è stata inviata automaticamente, non rispondere.`,
  },
};

export interface MailFrameValues {
  subject: Words;
  /** The kind's text part. */
  text: Words;
  /** The kind's HTML part (its values already escaped by its template). */
  html: Words;
  action: MailAction | null;
  recipient: MailRecipient;
  privacyUrl: string;
  /** The account's e-mail preferences; null when the recipient may have no account to set them in. */
  preferencesUrl: string | null;
  /** The signed link that turns this kind off, when it can be turned off. */
  unsubscribeUrl: string | null;
}

interface Frame {
  lang: string;
  subject: string;
  body: string;
  action: { label: string; url: string } | null;
  why: string;
  privacyUrl: string;
  preferencesUrl: string | null;
  unsubscribeUrl: string | null;
}

const frameIn = (language: keyof Words, part: 'text' | 'html', values: MailFrameValues): Frame => ({
  lang: language,
  subject: values.subject[language],
  body: values[part][language],
  action: values.action ? { label: values.action.label[language], url: values.action.url } : null,
  why: WHY_YOU_RECEIVE_IT[values.recipient][language],
  privacyUrl: values.privacyUrl,
  preferencesUrl: values.preferencesUrl,
  unsubscribeUrl: values.unsubscribeUrl,
});

type Template = (frame: Frame) => string;
const text = (source: string): Template => {
  const template = Handlebars.compile(source, { noEscape: true, strict: false });
  return (frame) => template(frame).replace(/\n{3,}/g, '\n\n').trim();
};
const html = (source: string): Template => {
  const template = Handlebars.compile(source, { strict: false });
  return (frame) => template(frame).replace(/\n{2,}/g, '\n').trim();
};
const inBoth =
  (part: 'text' | 'html', en: Template, it: Template) =>
  (values: MailFrameValues): Words => ({ en: en(frameIn('en', part, values)), it: it(frameIn('it', part, values)) });

/** Plain text: the body, the action as "label: link", then the footer. */
const textFrame = (footer: string[]): Template =>
  text([PLATFORM_NAME, '', '{{body}}', '', '{{#if action}}{{action.label}}: {{action.url}}{{/if}}', '', '--', ...footer].join('\n'));

/**
 * HTML: one column of real text, readable without styles or images; the action is a link drawn as
 * a button (white on dark blue, 7:1 contrast); the footer in grey that still reads at 4.5:1.
 */
const htmlFrame = (footer: string[]): Template =>
  html(
    [
      '<!DOCTYPE html>',
      '<html lang="{{lang}}">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>{{subject}}</title>',
      '</head>',
      '<body style="margin:0;padding:0;background-color:#ffffff;color:#1a1a1a;font-family:Titillium Web,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">',
      '<div role="article" aria-roledescription="email" aria-label="{{subject}}" lang="{{lang}}" style="max-width:600px;margin:0 auto;padding:24px 16px;">',
      `<p style="margin:0 0 24px 0;font-size:20px;font-weight:bold;color:#003366;">${PLATFORM_NAME}</p>`,
      '{{{body}}}',
      '{{#if action}}<p style="margin:24px 0;"><a href="{{action.url}}" style="display:inline-block;padding:12px 24px;background-color:#004080;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">{{action.label}}</a></p>{{/if}}',
      '<hr style="border:0;border-top:1px solid #c5c7c9;margin:32px 0 16px 0;">',
      '<div style="font-size:14px;color:#4d5358;">',
      ...footer,
      '</div>',
      '</div>',
      '</body>',
      '</html>',
    ].join('\n'),
  );

/**
 * The frame every e-mail is sent in, whatever its kind: the platform's name, the body, the action
 * as a button, and the legal footer (who runs the service, why the person receives it, the privacy
 * notice, the e-mail preferences and, where the kind allows it, the link that turns it off).
 */
export const mailLayoutMessages = {
  text: inBoth(
    'text',
    textFrame([
      `${PLATFORM_NAME} is run by the Department for Digital Transformation of the Presidency of the Council of Ministers.`,
      '{{why}}',
      'Privacy notice: {{privacyUrl}}',
      '{{#if preferencesUrl}}E-mail preferences: {{preferencesUrl}}{{/if}}',
      '{{#if unsubscribeUrl}}Stop e-mails of this kind: {{unsubscribeUrl}}{{/if}}',
    ]),
    textFrame([
      `${PLATFORM_NAME} è gestito dal Dipartimento per la trasformazione digitale della Presidenza del Consiglio dei ministri.`,
      '{{why}}',
      'Informativa privacy: {{privacyUrl}}',
      '{{#if preferencesUrl}}Preferenze e-mail: {{preferencesUrl}}{{/if}}',
      '{{#if unsubscribeUrl}}Non ricevere più e-mail di questo tipo: {{unsubscribeUrl}}{{/if}}',
    ]),
  ),
  html: inBoth(
    'html',
    htmlFrame([
      `<p style="margin:0 0 8px 0;">${PLATFORM_NAME} is run by the Department for Digital Transformation of the Presidency of the Council of Ministers.</p>`,
      '<p style="margin:0 0 8px 0;">{{why}}</p>',
      '<p style="margin:0;"><a href="{{privacyUrl}}" style="color:#004080;">Privacy notice</a>{{#if preferencesUrl}} · <a href="{{preferencesUrl}}" style="color:#004080;">E-mail preferences</a>{{/if}}{{#if unsubscribeUrl}} · <a href="{{unsubscribeUrl}}" style="color:#004080;">Stop e-mails of this kind</a>{{/if}}</p>',
    ]),
    htmlFrame([
      `<p style="margin:0 0 8px 0;">${PLATFORM_NAME} è gestito dal Dipartimento per la trasformazione digitale della Presidenza del Consiglio dei ministri.</p>`,
      '<p style="margin:0 0 8px 0;">{{why}}</p>',
      '<p style="margin:0;"><a href="{{privacyUrl}}" style="color:#004080;">Informativa privacy</a>{{#if preferencesUrl}} · <a href="{{preferencesUrl}}" style="color:#004080;">Preferenze e-mail</a>{{/if}}{{#if unsubscribeUrl}} · <a href="{{unsubscribeUrl}}" style="color:#004080;">Non ricevere più e-mail di questo tipo</a>{{/if}}</p>',
    ]),
  ),
};
