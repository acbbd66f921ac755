import Handlebars from 'handlebars';
import type { Words } from './words';

/** What the "new application" e-mail names: the shop, the offer, the date to answer by (as people write it) and the link. */
export interface ApplicationMail {
  shop: string;
  offer: string;
  respondBy: string | null;
  link: string;
}

export type Template = (values: object) => string;

/** Subject and text parts take the values as written; a subject is one line whatever a name holds. */
export const plain = (source: string): Template => {
  const template = Handlebars.compile(source, { noEscape: true, strict: true });
  return (values) => template(values).replace(/\n{3,}/g, '\n\n');
};
export const subject = (source: string): Template => {
  const template = plain(source);
  return (values) => template(values).replace(/\s+/g, ' ').trim();
};
/** The HTML part escapes every value. */
export const html = (source: string): Template => Handlebars.compile(source, { strict: true });

export const both = (en: Template, it: Template) => (values: object): Words => ({ en: en(values), it: it(values) });

export const SIGNATURE = 'Vicini e connessi';

/**
 * The e-mails the platform sends, written as Handlebars templates in each language (a subject, a
 * plain text part and an HTML part per kind) and rendered from the values each names.
 */
export const mailMessages = {
  matchAppliedSubject: both(subject('New application for «{{offer}}» from {{shop}}'), subject('Nuova candidatura per «{{offer}}» da {{shop}}')) as (v: ApplicationMail) => Words,
  matchAppliedText: both(
    plain(
      [
        'Hello,',
        '',
        '{{shop}} applied to your offer «{{offer}}» and holds one of its places.',
        '{{#if respondBy}}Please accept or decline by {{respondBy}}: after that the place is freed for others.{{/if}}',
        '',
        'See the application: {{link}}',
        '',
        SIGNATURE,
      ].join('\n'),
    ),
    plain(
      [
        'Buongiorno,',
        '',
        '{{shop}} si è candidata alla vostra offerta «{{offer}}» e ne occupa un posto.',
        '{{#if respondBy}}Accettate o rifiutate entro il {{respondBy}}: dopo, il posto torna disponibile per altri.{{/if}}',
        '',
        'Vedi la candidatura: {{link}}',
        '',
        SIGNATURE,
      ].join('\n'),
    ),
  ) as (v: ApplicationMail) => Words,
  matchAppliedHtml: both(
    html(
      [
        '<p>Hello,</p>',
        '<p><strong>{{shop}}</strong> applied to your offer «{{offer}}» and holds one of its places.</p>',
        '{{#if respondBy}}<p>Please accept or decline by <strong>{{respondBy}}</strong>: after that the place is freed for others.</p>{{/if}}',
        '<p><a href="{{link}}">See the application</a></p>',
        `<p>${SIGNATURE}</p>`,
      ].join('\n'),
    ),
    html(
      [
        '<p>Buongiorno,</p>',
        '<p><strong>{{shop}}</strong> si è candidata alla vostra offerta «{{offer}}» e ne occupa un posto.</p>',
        '{{#if respondBy}}<p>Accettate o rifiutate entro il <strong>{{respondBy}}</strong>: dopo, il posto torna disponibile per altri.</p>{{/if}}',
        '<p><a href="{{link}}">Vedi la candidatura</a></p>',
        `<p>${SIGNATURE}</p>`,
      ].join('\n'),
    ),
  ) as (v: ApplicationMail) => Words,
  /** Why a message is UNCERTAIN, for staff: an attempt began and its outcome was never recorded. */
  attemptUnfinished: (minutes: number): Words => ({
    en: `An attempt began more than ${minutes} minutes ago and its outcome was never recorded: the message may have arrived, so it is not sent again by itself`,
    it: `Un tentativo è iniziato più di ${minutes} minuti fa e il suo esito non è mai stato registrato: il messaggio potrebbe essere arrivato, perciò non viene rispedito da solo`,
  }),
  /** Why a message is UNCERTAIN, for staff: the connection failed after the message may have gone out. */
  outcomeUnknown: (error: string): Words => ({
    en: `The connection failed after the message may have gone out (${error}): it is not sent again by itself`,
    it: `La connessione si è interrotta quando il messaggio potrebbe essere già partito (${error}): non viene rispedito da solo`,
  }),
};
