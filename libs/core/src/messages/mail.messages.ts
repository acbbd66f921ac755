import { both, html, plain, subject } from './mail-template';
import type { Words } from './words';

/** What the "new application" e-mail names: the shop, the offer, the date to answer by (as people write it) and the link. */
export interface ApplicationMail {
  shop: string;
  offer: string;
  respondBy: Words | null;
  link: string;
}

/** Where a message stands, in words (MailStatus). */
const MAIL_STATUS: Record<string, Words> = {
  QUEUED: { en: 'queued', it: 'in coda' },
  SENDING: { en: 'being sent', it: 'in invio' },
  SENT: { en: 'sent', it: 'inviato' },
  FAILED: { en: 'failed', it: 'non riuscito' },
  UNCERTAIN: { en: 'of unknown outcome', it: 'dall’esito incerto' },
  DEV_MAILBOX: { en: 'in the development mailbox', it: 'nella casella di sviluppo' },
  DIGEST: { en: 'waiting for the daily digest', it: 'in attesa del riepilogo giornaliero' },
  DIGESTED: { en: 'sent in a daily digest', it: 'inviato nel riepilogo giornaliero' },
};

/**
 * The e-mails the platform sends, written as Handlebars templates in each language (a subject, a
 * plain text part and an HTML part per kind, and the words of its button) and rendered from the values
 * each names; the frame around them (mail-layout.messages.ts) is the same for every kind.
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
      ].join('\n'),
    ),
    plain(
      [
        'Buongiorno,',
        '',
        '{{shop}} si è candidata alla vostra offerta «{{offer}}» e ne occupa un posto.',
        '{{#if respondBy}}Accettate o rifiutate entro {{datePhrase "il" respondBy}}: dopo, il posto torna disponibile per altri.{{/if}}',
      ].join('\n'),
    ),
  ) as (v: ApplicationMail) => Words,
  matchAppliedHtml: both(
    html(
      [
        '<p>Hello,</p>',
        '<p><strong>{{shop}}</strong> applied to your offer «{{offer}}» and holds one of its places.</p>',
        '{{#if respondBy}}<p>Please accept or decline by <strong>{{respondBy}}</strong>: after that the place is freed for others.</p>{{/if}}',
      ].join('\n'),
    ),
    html(
      [
        '<p>Buongiorno,</p>',
        '<p><strong>{{shop}}</strong> si è candidata alla vostra offerta «{{offer}}» e ne occupa un posto.</p>',
        '{{#if respondBy}}<p>Accettate o rifiutate entro <strong>{{datePhrase "il" respondBy}}</strong>: dopo, il posto torna disponibile per altri.</p>{{/if}}',
      ].join('\n'),
    ),
  ) as (v: ApplicationMail) => Words,
  matchAppliedAction: (): Words => ({ en: 'See the application', it: 'Vedi la candidatura' }),
  notAdjustable: (): Words => ({
    en: 'This kind of e-mail is always sent: it cannot be put in a digest or turned off',
    it: 'Questo tipo di e-mail viene sempre inviato: non si può raccogliere nel riepilogo né disattivare',
  }),
  invalidUnsubscribeLink: (): Words => ({
    en: 'This unsubscribe link is not valid: open your e-mail preferences after logging in',
    it: 'Questo link di disiscrizione non è valido: apri le preferenze e-mail dopo aver effettuato l’accesso',
  }),
  notResendable: (status: string): Words => ({
    en: `Only a failed message, or one whose outcome is unknown, can be sent again: this one is ${MAIL_STATUS[status]?.en ?? status}`,
    it: `Si può rispedire solo un messaggio non riuscito o dall’esito incerto: questo è ${MAIL_STATUS[status]?.it ?? status}`,
  }),
  alreadyResent: (): Words => ({ en: 'This message was already sent again: see the new one', it: 'Questo messaggio è già stato rispedito: vedi quello nuovo' }),
  notFound: (): Words => ({ en: 'No such message', it: 'Messaggio non trovato' }),
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
