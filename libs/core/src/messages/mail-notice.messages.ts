import { both, paragraphs, subject } from './mail-template';
import type { Words } from './words';

/** A shop's match, as its e-mails name it: the provider, the offer and the page of the match. */
export interface ShopMatchMail {
  provider: string;
  offer: string;
  link: string;
}

/**
 * What a selection call decided for an applicant: a place (at the closing, or later from the
 * reserve list), the reserve list at its position, or an exclusion with its reason.
 */
export interface CallOutcomeMail {
  call: string;
  outcome: 'ADMITTED' | 'PROMOTED' | 'RESERVE' | 'EXCLUDED';
  offer: string | null;
  provider: string | null;
  respondBy: Words | null;
  position: number | null;
  reason: string | null;
  /** RESERVE: why the place the call had given was released (a suspension), when it was. */
  released?: Words | null;
  link: string;
}

/** A declined match: with the provider's reason (or the platform's, in words), if any; `gaveBack` when the provider had accepted it. */
export interface DeclinedMail extends ShopMatchMail {
  reason: Words | null;
  gaveBack?: boolean;
}

/**
 * A held place freed without the provider's answer: `reason` is the platform's, in words, when
 * something other than the time running out freed it (staff suspended the offer or its provider).
 */
export interface ExpiredMail extends ShopMatchMail {
  reason: Words | null;
}

/** A shop moved from the waitlist into a place: the provider now has until `respondBy`; `set` when the place came with the rest of a set it waited for as a whole. */
export interface PromotedMail extends ShopMatchMail {
  respondBy: Words | null;
  set?: boolean;
}

/** The provider's reminder: an application to answer by tomorrow. */
export interface ReminderMail {
  shop: string;
  offer: string;
  respondBy: Words;
  link: string;
}

/** A staff decision on a provider: its name, the reason given (for a rejection or a suspension) and its page. */
export interface ProviderDecisionMail {
  provider: string;
  reason: string | null;
  link: string;
}

/** A staff decision on a facilitator organisation: its name, the reason given (for a rejection or a suspension) and its page. */
export interface FacilitatorDecisionMail {
  organisation: string;
  reason: string | null;
  link: string;
}

/** The outcome survey a shop is asked for, 30 or 90 days after the service began. */
export interface SurveyMail {
  provider: string;
  offer: string;
  days: number;
  link: string;
  /** To the facilitator acting for a shop nobody has claimed yet: the shop it answers for; null to the shop's owner. */
  shop: string | null;
}

/** What one allocation run gave one person: its lines (offer and provider for a shop, shop and offer for a provider). */
export interface AllocationMail {
  count: number;
  items: readonly { offer: string; other: string }[];
  respondBy: Words | null;
  link: string;
}

/** The day's messages of one person, gathered: each with its subject and the page it leads to. */
export interface DigestMail {
  count: number;
  items: readonly { subject: string; link: string | null }[];
  link: string;
}

const accepted = paragraphs<ShopMatchMail>(
  ['Hello,', '**{{provider}}** accepted your request for «{{offer}}». You can now agree with them on how to start the service.'],
  ['Buongiorno,', '**{{provider}}** ha accettato la tua richiesta per «{{offer}}». Ora potete accordarvi su come iniziare il servizio.'],
);
const declined = paragraphs<DeclinedMail>(
  [
    'Hello,',
    '{{#if gaveBack}}**{{provider}}** accepted your request for «{{offer}}», but can no longer give you the service: it gave the place back before the service started.{{else}}**{{provider}}** cannot give you «{{offer}}».{{/if}}',
    '{{#if reason}}Their reason: «{{reason}}».{{/if}}',
    'Your request stays open: other offers can still serve it.',
  ],
  [
    'Buongiorno,',
    '{{#if gaveBack}}**{{provider}}** aveva accettato la tua richiesta per «{{offer}}», ma non può più offrirti il servizio: ha rinunciato al posto prima che il servizio iniziasse.{{else}}**{{provider}}** non può offrirti «{{offer}}».{{/if}}',
    '{{#if reason}}Il motivo indicato: «{{reason}}».{{/if}}',
    'La tua richiesta resta aperta: altre offerte possono ancora soddisfarla.',
  ],
);
const expired = paragraphs<ExpiredMail>(
  [
    'Hello,',
    '{{#if reason}}The place held for your request for «{{offer}}» by **{{provider}}** is released: {{reason}}.{{else}}**{{provider}}** did not answer your request for «{{offer}}» in time, so the place it held was freed.{{/if}}',
    'Your request is open again: other offers can serve it.',
  ],
  [
    'Buongiorno,',
    '{{#if reason}}Il posto trattenuto per la tua richiesta per «{{offer}}» di **{{provider}}** è liberato: {{reason}}.{{else}}**{{provider}}** non ha risposto in tempo alla tua richiesta per «{{offer}}»: il posto che occupava è stato liberato.{{/if}}',
    'La tua richiesta è di nuovo aperta: altre offerte possono soddisfarla.',
  ],
);
const promoted = paragraphs<PromotedMail>(
  [
    'Hello,',
    '{{#if set}}Every service of the set you waited for as a whole has a place now: «{{offer}}» by **{{provider}}** holds yours.{{else}}A place became free in «{{offer}}» by **{{provider}}**: your request on its waitlist now holds it.{{/if}}',
    '{{#if respondBy}}The provider will accept or decline by **{{respondBy}}**.{{/if}}',
  ],
  [
    'Buongiorno,',
    '{{#if set}}Ogni servizio dell’insieme che aspettavi tutto insieme ha ora un posto: «{{offer}}» di **{{provider}}** tiene il tuo.{{else}}Si è liberato un posto nell’offerta «{{offer}}» di **{{provider}}**: la tua richiesta in lista d’attesa ora lo occupa.{{/if}}',
    '{{#if respondBy}}Il fornitore accetterà o rifiuterà entro **{{datePhrase "il" respondBy}}**.{{/if}}',
  ],
);
const reminder = paragraphs<ReminderMail>(
  ['Hello,', 'The application of **{{shop}}** to your offer «{{offer}}» is still waiting for your answer.', 'Please accept or decline by **{{respondBy}}**: after that the place is freed for others.'],
  ['Buongiorno,', 'La candidatura di **{{shop}}** alla vostra offerta «{{offer}}» attende ancora la vostra risposta.', 'Accettate o rifiutate entro **{{datePhrase "il" respondBy}}**: dopo, il posto torna disponibile per altri.'],
);
const approved = paragraphs<ProviderDecisionMail>(
  ['Hello,', 'The Department verified **{{provider}}**: you can now publish offers, which shops will see in the catalogue.'],
  ['Buongiorno,', 'Il Dipartimento ha verificato **{{provider}}**: ora potete pubblicare offerte, che i negozi vedranno nel catalogo.'],
);
const rejected = paragraphs<ProviderDecisionMail>(
  ['Hello,', 'The Department could not verify **{{provider}}**.', '{{#if reason}}The reason: «{{reason}}».{{/if}}', 'You can correct your organisation’s details and ask for verification again.'],
  ['Buongiorno,', 'Il Dipartimento non ha potuto verificare **{{provider}}**.', '{{#if reason}}Il motivo: «{{reason}}».{{/if}}', 'Potete correggere i dati dell’organizzazione e chiedere di nuovo la verifica.'],
);
const suspended = paragraphs<ProviderDecisionMail>(
  [
    'Hello,',
    'The Department suspended **{{provider}}**: your offers are hidden from the catalogue and the places they held were freed.',
    '{{#if reason}}The reason: «{{reason}}».{{/if}}',
    'To ask for more information, write to the Department from the contacts page.',
  ],
  [
    'Buongiorno,',
    'Il Dipartimento ha sospeso **{{provider}}**: le vostre offerte non compaiono nel catalogo e i posti che occupavano sono stati liberati.',
    '{{#if reason}}Il motivo: «{{reason}}».{{/if}}',
    'Per chiedere chiarimenti, scrivete al Dipartimento dalla pagina dei contatti.',
  ],
);
const facilitatorApproved = paragraphs<FacilitatorDecisionMail>(
  ['Hello,', 'The Department verified **{{organisation}}**: you can now act for the shops that give you their consent, invite them and register those that signed on paper.'],
  ['Buongiorno,', 'Il Dipartimento ha verificato **{{organisation}}**: ora potete agire per conto dei negozi che vi danno il consenso, invitarli e registrare quelli che hanno firmato su carta.'],
);
const facilitatorRejected = paragraphs<FacilitatorDecisionMail>(
  ['Hello,', 'The Department could not verify **{{organisation}}**.', '{{#if reason}}The reason: «{{reason}}».{{/if}}', 'You can correct your organisation’s details and ask for verification again.'],
  ['Buongiorno,', 'Il Dipartimento non ha potuto verificare **{{organisation}}**.', '{{#if reason}}Il motivo: «{{reason}}».{{/if}}', 'Potete correggere i dati dell’organizzazione e chiedere di nuovo la verifica.'],
);
const facilitatorSuspended = paragraphs<FacilitatorDecisionMail>(
  [
    'Hello,',
    'The Department suspended **{{organisation}}**: until it is reinstated you cannot act for shops or invite them.',
    '{{#if reason}}The reason: «{{reason}}».{{/if}}',
    'To ask for more information, write to the Department from the contacts page.',
  ],
  [
    'Buongiorno,',
    'Il Dipartimento ha sospeso **{{organisation}}**: finché non viene riammessa non potete agire per conto dei negozi né invitarli.',
    '{{#if reason}}Il motivo: «{{reason}}».{{/if}}',
    'Per chiedere chiarimenti, scrivete al Dipartimento dalla pagina dei contatti.',
  ],
);
const callOutcome = paragraphs<CallOutcomeMail>(
  [
    'Hello,',
    '{{#if (eq outcome "ADMITTED")}}The call «{{call}}» has closed and you got a place: «{{offer}}» by **{{provider}}**.{{/if}}{{#if (eq outcome "PROMOTED")}}A place of the call «{{call}}» became free and it is now yours: «{{offer}}» by **{{provider}}**.{{/if}}{{#if (eq outcome "RESERVE")}}{{#if released}}The place the call «{{call}}» gave you is released: {{released}}. You are back on the reserve list, ranked **{{position}}**: when places are available again they will be given by the ranking, and you will be told.{{else}}The call «{{call}}» has closed: you are on the reserve list, ranked **{{position}}**. If a place you can take becomes free, it will be yours and you will be told.{{/if}}{{/if}}{{#if (eq outcome "EXCLUDED")}}Your application to the call «{{call}}» was excluded.{{/if}}',
    '{{#if respondBy}}The provider will accept or decline by **{{respondBy}}**.{{/if}}{{#if reason}}The reason: «{{reason}}».{{/if}}',
  ],
  [
    'Buongiorno,',
    '{{#if (eq outcome "ADMITTED")}}Il bando «{{call}}» si è chiuso e hai ottenuto un posto: «{{offer}}» di **{{provider}}**.{{/if}}{{#if (eq outcome "PROMOTED")}}Si è liberato un posto del bando «{{call}}» ed è ora tuo: «{{offer}}» di **{{provider}}**.{{/if}}{{#if (eq outcome "RESERVE")}}{{#if released}}Il posto che il bando «{{call}}» ti aveva dato è stato liberato: {{released}}. Torni in riserva, alla posizione **{{position}}** della graduatoria: quando i posti torneranno disponibili saranno dati secondo la graduatoria, e riceverai un avviso.{{else}}Il bando «{{call}}» si è chiuso: sei in riserva, alla posizione **{{position}}** della graduatoria. Se si libera un posto adatto a te, ti sarà dato e riceverai un avviso.{{/if}}{{/if}}{{#if (eq outcome "EXCLUDED")}}La tua domanda al bando «{{call}}» è stata esclusa.{{/if}}',
    '{{#if respondBy}}Il fornitore accetterà o rifiuterà entro **{{datePhrase "il" respondBy}}**.{{/if}}{{#if reason}}Il motivo: «{{reason}}».{{/if}}',
  ],
);
const survey = paragraphs<SurveyMail>(
  [
    'Hello,',
    '{{#if shop}}{{days}} days ago **{{provider}}** began «{{offer}}» for **{{shop}}**, which you act for. Tell us in two minutes how it is going, on its behalf (from your desk): the answers help the initiative measure what the services bring.{{else}}{{days}} days ago **{{provider}}** began «{{offer}}» for you. Tell us in two minutes how it is going: your answers help the initiative measure what the services bring.{{/if}}',
  ],
  [
    'Buongiorno,',
    '{{#if shop}}{{days}} giorni fa **{{provider}}** ha iniziato «{{offer}}» per **{{shop}}**, per cui operi. Raccontaci in due minuti come sta andando, per suo conto (dalla tua scrivania): le risposte aiutano l’iniziativa a misurare che cosa portano i servizi.{{else}}{{days}} giorni fa **{{provider}}** ha iniziato per te «{{offer}}». Raccontaci in due minuti come sta andando: le tue risposte aiutano l’iniziativa a misurare che cosa portano i servizi.{{/if}}',
  ],
);
const allocationShop = paragraphs<AllocationMail>(
  [
    'Hello,',
    '{{#if (eq count 1)}}The latest allocation gave you a place in one offer:{{else}}The latest allocation gave you places in {{count}} offers:{{/if}}',
    '{{#each items}}- «{{offer}}» by {{other}}\n{{/each}}',
    '{{#if respondBy}}Each provider will accept or decline by **{{respondBy}}**.{{/if}}',
  ],
  [
    'Buongiorno,',
    '{{#if (eq count 1)}}L’ultima assegnazione ti ha dato un posto in un’offerta:{{else}}L’ultima assegnazione ti ha dato un posto in {{count}} offerte:{{/if}}',
    '{{#each items}}- «{{offer}}» di {{other}}\n{{/each}}',
    '{{#if respondBy}}Ogni fornitore accetterà o rifiuterà entro **{{datePhrase "il" respondBy}}**.{{/if}}',
  ],
);
const allocationProvider = paragraphs<AllocationMail>(
  [
    'Hello,',
    '{{#if (eq count 1)}}The latest allocation gave your offers one new application:{{else}}The latest allocation gave your offers {{count}} new applications:{{/if}}',
    '{{#each items}}- {{other}} for «{{offer}}»\n{{/each}}',
    '{{#if respondBy}}Please accept or decline by **{{respondBy}}**: after that the places are freed for others.{{/if}}',
  ],
  [
    'Buongiorno,',
    '{{#if (eq count 1)}}L’ultima assegnazione ha dato alle vostre offerte una nuova candidatura:{{else}}L’ultima assegnazione ha dato alle vostre offerte {{count}} nuove candidature:{{/if}}',
    '{{#each items}}- {{other}} per «{{offer}}»\n{{/each}}',
    '{{#if respondBy}}Accettate o rifiutate entro **{{datePhrase "il" respondBy}}**: dopo, i posti tornano disponibili per altri.{{/if}}',
  ],
);

const digest = paragraphs<DigestMail>(
  ['Hello,', '{{#if (eq count 1)}}Here is today’s message:{{else}}Here are today’s {{count}} messages:{{/if}}', '{{#each items}}- {{#if link}}[{{subject}}]({{link}}){{else}}{{subject}}{{/if}}\n{{/each}}', 'You chose to receive these kinds of e-mail once a day; you can change it in your e-mail preferences.'],
  ['Buongiorno,', '{{#if (eq count 1)}}Ecco il messaggio di oggi:{{else}}Ecco i {{count}} messaggi di oggi:{{/if}}', '{{#each items}}- {{#if link}}[{{subject}}]({{link}}){{else}}{{subject}}{{/if}}\n{{/each}}', 'Hai scelto di ricevere questi tipi di e-mail una volta al giorno; puoi cambiarlo nelle preferenze e-mail.'],
);

const words = (en: string, it: string) => (): Words => ({ en, it });

/**
 * The notices the platform e-mails about matches, providers, surveys and allocation runs: per kind
 * a subject, the body of the text and HTML parts (written once as paragraphs), and the words of its
 * button.
 */
export const mailNoticeMessages = {
  matchAcceptedSubject: both(subject('{{provider}} accepted your request for «{{offer}}»'), subject('{{provider}} ha accettato la tua richiesta per «{{offer}}»')) as (v: ShopMatchMail) => Words,
  matchAcceptedText: accepted.text,
  matchAcceptedHtml: accepted.html,
  matchDeclinedSubject: both(
    subject('{{#if gaveBack}}{{provider}} gave back the place of your request for «{{offer}}»{{else}}{{provider}} declined your request for «{{offer}}»{{/if}}'),
    subject('{{#if gaveBack}}{{provider}} ha rinunciato al posto della tua richiesta per «{{offer}}»{{else}}{{provider}} ha rifiutato la tua richiesta per «{{offer}}»{{/if}}'),
  ) as (v: DeclinedMail) => Words,
  matchDeclinedText: declined.text,
  matchDeclinedHtml: declined.html,
  matchExpiredSubject: both(
    subject('{{#if reason}}The place held for your request for «{{offer}}» is released{{else}}No answer in time to your request for «{{offer}}»{{/if}}'),
    subject('{{#if reason}}Il posto trattenuto per la tua richiesta per «{{offer}}» è liberato{{else}}Nessuna risposta in tempo alla tua richiesta per «{{offer}}»{{/if}}'),
  ) as (v: ExpiredMail) => Words,
  matchExpiredText: expired.text,
  matchExpiredHtml: expired.html,
  matchPromotedSubject: both(
    subject('{{#if set}}Your set of services has its places: «{{offer}}»{{else}}A place in «{{offer}}» is now yours{{/if}}'),
    subject('{{#if set}}Il tuo insieme di servizi ha i suoi posti: «{{offer}}»{{else}}Un posto in «{{offer}}» ora è tuo{{/if}}'),
  ) as (v: PromotedMail) => Words,
  matchPromotedText: promoted.text,
  matchPromotedHtml: promoted.html,
  seeMatch: words('See the service', 'Vedi il servizio'),
  reminderSubject: both(subject('Reminder: answer {{shop}} by {{respondBy}}'), subject('Promemoria: rispondete a {{shop}} entro {{datePhrase "il" respondBy}}')) as (v: ReminderMail) => Words,
  reminderText: reminder.text,
  reminderHtml: reminder.html,
  answerApplication: words('Answer the application', 'Rispondi alla candidatura'),
  providerApprovedSubject: both(subject('{{provider}} is verified'), subject('{{provider}} è verificata')) as (v: ProviderDecisionMail) => Words,
  providerApprovedText: approved.text,
  providerApprovedHtml: approved.html,
  providerRejectedSubject: both(subject('{{provider}} could not be verified'), subject('{{provider}} non è stata verificata')) as (v: ProviderDecisionMail) => Words,
  providerRejectedText: rejected.text,
  providerRejectedHtml: rejected.html,
  providerSuspendedSubject: both(subject('{{provider}} is suspended'), subject('{{provider}} è sospesa')) as (v: ProviderDecisionMail) => Words,
  providerSuspendedText: suspended.text,
  providerSuspendedHtml: suspended.html,
  facilitatorApprovedSubject: both(subject('{{organisation}} is verified'), subject('{{organisation}} è verificata')) as (v: FacilitatorDecisionMail) => Words,
  facilitatorApprovedText: facilitatorApproved.text,
  facilitatorApprovedHtml: facilitatorApproved.html,
  facilitatorRejectedSubject: both(subject('{{organisation}} could not be verified'), subject('{{organisation}} non è stata verificata')) as (v: FacilitatorDecisionMail) => Words,
  facilitatorRejectedText: facilitatorRejected.text,
  facilitatorRejectedHtml: facilitatorRejected.html,
  facilitatorSuspendedSubject: both(subject('{{organisation}} is suspended'), subject('{{organisation}} è sospesa')) as (v: FacilitatorDecisionMail) => Words,
  facilitatorSuspendedText: facilitatorSuspended.text,
  facilitatorSuspendedHtml: facilitatorSuspended.html,
  callOutcomeSubject: both(
    subject('{{#if (eq outcome "RESERVE")}}On the reserve list of «{{call}}»{{else}}{{#if (eq outcome "EXCLUDED")}}Application excluded: «{{call}}»{{else}}A place from «{{call}}»{{/if}}{{/if}}'),
    subject('{{#if (eq outcome "RESERVE")}}In riserva nel bando «{{call}}»{{else}}{{#if (eq outcome "EXCLUDED")}}Domanda esclusa: «{{call}}»{{else}}Un posto dal bando «{{call}}»{{/if}}{{/if}}'),
  ) as (v: CallOutcomeMail) => Words,
  callOutcomeText: callOutcome.text,
  callOutcomeHtml: callOutcome.html,
  seeCalls: words('See your calls', 'Vedi i tuoi bandi'),
  seeOrganisation: words('See your organisation', 'Vedi la vostra organizzazione'),
  surveySubject: both(subject('{{#if shop}}{{shop}}: h{{else}}H{{/if}}ow is «{{offer}}» going?'), subject('{{#if shop}}{{shop}}: c{{else}}C{{/if}}ome sta andando «{{offer}}»?')) as (v: SurveyMail) => Words,
  surveyText: survey.text,
  surveyHtml: survey.html,
  answerSurvey: words('Answer the questionnaire', 'Rispondi al questionario'),
  allocationShopSubject: both(subject('The allocation gave you {{#if (eq count 1)}}a service{{else}}{{count}} services{{/if}}'), subject('L’assegnazione ti ha dato {{#if (eq count 1)}}un servizio{{else}}{{count}} servizi{{/if}}')) as (v: AllocationMail) => Words,
  allocationShopText: allocationShop.text,
  allocationShopHtml: allocationShop.html,
  seeServices: words('See your services', 'Vedi i tuoi servizi'),
  allocationProviderSubject: both(subject('The allocation gave your offers {{#if (eq count 1)}}an application{{else}}{{count}} applications{{/if}}'), subject('L’assegnazione ha dato alle vostre offerte {{#if (eq count 1)}}una candidatura{{else}}{{count}} candidature{{/if}}')) as (v: AllocationMail) => Words,
  allocationProviderText: allocationProvider.text,
  allocationProviderHtml: allocationProvider.html,
  seeApplications: words('See the applications', 'Vedi le candidature'),
  digestSubject: both(
    subject('{{#if (eq count 1)}}Your message of the day{{else}}Your {{count}} messages of the day{{/if}}'),
    subject('{{#if (eq count 1)}}Il tuo messaggio del giorno{{else}}I tuoi {{count}} messaggi del giorno{{/if}}'),
  ) as (v: DigestMail) => Words,
  digestText: digest.text,
  digestHtml: digest.html,
  seeNotifications: words('See your notifications', 'Vedi le tue notifiche'),
};
