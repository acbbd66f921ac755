import { MESSAGES, type Words } from '..';
import { MatchState } from '../../match/match.types';
import { ScoringKind } from '../../selection-call/selection-call.types';

/* What the message catalogue's samples share: argument shapes and values tried in several areas. */

/** For every entry of the catalogue, the arguments to try it with: the compiler asks for each one. */
export type Samples<C> = { [A in keyof C]: { [E in keyof C[A]]: C[A][E] extends (...args: infer P) => Words ? readonly Readonly<P>[] : never } };

export const NONE: readonly [][] = [[]];
export const each = <T>(values: readonly T[]): [T][] => values.map((value) => [value]);
export const FIELD = 'input.campo';
export const ON_FIELD: readonly [string][] = [[FIELD]];
export const DATE = new Date('2026-03-10T10:00:00Z');
export const PARTIES = { offer: 'Vetrina online', shop: 'Forno Rossi', provider: 'Digitale Srl' };
export const WHY: readonly (Words | null)[] = [null, { en: 'siamo al completo', it: 'siamo al completo' }, MESSAGES.reason.system('NO_ANSWER')];
export const withWhy = (prefix: readonly unknown[] = []) => WHY.map((why) => [...prefix, why]);
export const APPLICATION_MAILS = [
  [{ shop: 'Forno Rossi', offer: 'Vetrina online', respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/organizzazione/candidature/1' }],
  [{ shop: 'Bar <Centrale> & Co', offer: 'Sito', respondBy: null, link: 'https://vicini.example/organizzazione/candidature/2' }],
] as const;
export const FOOTER = { recipient: 'ACCOUNT' as const, privacyUrl: 'https://vicini.example/privacy', preferencesUrl: 'https://vicini.example/preferenze' as string | null };
export const MAIL_FRAMES = [
  [{ ...FOOTER, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[0][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[0][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[0][0]), action: { label: MESSAGES.mail.matchAppliedAction(), url: 'https://vicini.example/x' }, unsubscribeUrl: 'https://vicini.example/u' }],
  [{ ...FOOTER, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[1][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[1][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[1][0]), action: null, unsubscribeUrl: null }],
  // An address an organisation gave (an invitation, a claim): no preferences to set; and an address given for an account.
  [{ ...FOOTER, recipient: 'NAMED_BY_ORGANISATION' as const, preferencesUrl: null, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[1][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[1][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[1][0]), action: null, unsubscribeUrl: null }],
  [{ ...FOOTER, recipient: 'NEW_ADDRESS' as const, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[1][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[1][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[1][0]), action: null, unsubscribeUrl: null }],
] as const;
export const SHOP_MATCH = { provider: 'Digitale Srl', offer: 'Vetrina <online>', link: 'https://vicini.example/la-mia-attivita/servizi/1' };
export const SHOP_MATCHES = [[SHOP_MATCH]] as const;
export const DECLINED_MAILS = [[{ ...SHOP_MATCH, reason: null }], [{ ...SHOP_MATCH, reason: { en: 'we are full', it: 'siamo al completo' } }], [{ ...SHOP_MATCH, reason: MESSAGES.reason.system('NO_ANSWER') }], [{ ...SHOP_MATCH, reason: { en: 'our technician left', it: 'il tecnico non c’è più' }, gaveBack: true }]] as const;
export const EXPIRED_MAILS = [[{ ...SHOP_MATCH, reason: null }], [{ ...SHOP_MATCH, reason: MESSAGES.reason.system('OFFER_SUSPENDED') }]] as const;
export const PROMOTED_MAILS = [
  [{ ...SHOP_MATCH, respondBy: null }],
  [{ ...SHOP_MATCH, respondBy: { en: '15 March 2026', it: '15 marzo 2026' } }],
  [{ ...SHOP_MATCH, respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, set: true }],
] as const;
export const REMINDER_MAILS = [[{ shop: 'Forno Rossi', offer: 'Sito', respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/organizzazione/candidature/1' }]] as const;
export const DECISION_MAILS = [[{ provider: 'Digitale Srl', reason: null, link: 'https://vicini.example/organizzazione' }], [{ provider: 'Digitale Srl', reason: 'Partita IVA cessata', link: 'https://vicini.example/organizzazione' }]] as const;
export const FACILITATOR_DECISION_MAILS = [[{ organisation: 'Camera di commercio di Torino', reason: null, link: 'https://vicini.example/facilitatore' }], [{ organisation: 'Confcommercio <Torino>', reason: 'Codice fiscale cessato', link: 'https://vicini.example/facilitatore' }]] as const;
const CALL_MAIL = { call: 'Negozi del <Piemonte> online', offer: null, provider: null, respondBy: null, position: null, reason: null, link: 'https://vicini.example/la-mia-attivita/bandi' };
export const CALL_OUTCOME_MAILS = [
  [{ ...CALL_MAIL, outcome: 'ADMITTED', offer: 'Sito', provider: 'Digitale Srl', respondBy: { en: '15 March 2026', it: '15 marzo 2026' } }],
  [{ ...CALL_MAIL, outcome: 'PROMOTED', offer: 'Sito', provider: 'Digitale Srl', respondBy: { en: '8 March 2026', it: '8 marzo 2026' } }],
  [{ ...CALL_MAIL, outcome: 'RESERVE', position: 12 }],
  [{ ...CALL_MAIL, outcome: 'RESERVE', position: 2, released: MESSAGES.reason.system('OFFER_SUSPENDED') }],
  [{ ...CALL_MAIL, outcome: 'EXCLUDED', reason: 'Dichiarazione non veritiera' }],
] as const;
export const SURVEY_MAILS = [
  [{ provider: 'Digitale Srl', offer: 'Sito', days: 30, link: 'https://vicini.example/la-mia-attivita/servizi/1', shop: null }],
  [{ provider: 'Digitale Srl', offer: 'Sito', days: 90, link: 'https://vicini.example/facilitatore/negozi', shop: 'Forno Rossi' }],
] as const;
export const ALLOCATION_MAILS = [
  [{ count: 1, items: [{ offer: 'Sito', other: 'Digitale Srl' }], respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/x' }],
  [{ count: 2, items: [{ offer: 'Sito', other: 'Digitale Srl' }, { offer: 'Consegne', other: 'Bar <Centrale>' }], respondBy: null, link: 'https://vicini.example/x' }],
] as const;
export const DIGEST_MAILS = [
  [{ count: 1, items: [{ subject: 'Digitale Srl ha accettato', link: 'https://vicini.example/a' }], link: 'https://vicini.example/notifiche' }],
  [{ count: 2, items: [{ subject: 'Digitale Srl ha accettato', link: 'https://vicini.example/a' }, { subject: 'Promemoria <importante>', link: null }], link: 'https://vicini.example/notifiche' }],
] as const;
export const INVITATION_MAILS = [[{ facilitator: 'Ascom <Torino>', link: 'https://vicini.example/delega#1', validUntil: { en: '4 January 2027', it: '4 gennaio 2027' } }]] as const;
export const CLAIM_MAILS = [[{ facilitator: 'Ascom Torino', shop: 'Forno & Figli', declaredOn: { en: '1 December 2026', it: '1 dicembre 2026' }, link: 'https://vicini.example/rivendica#1', validUntil: { en: '4 January 2027', it: '4 gennaio 2027' } }]] as const;
export const HANDED_OVER_MAILS = [
  [{ from: 'Ascom Torino', to: 'CNA Piemonte', shop: 'Forno & Figli', declaredOn: { en: '1 December 2026', it: '1 dicembre 2026' }, linkUntil: { en: '4 January 2027', it: '4 gennaio 2027' }, toEmail: 'sportello@cna-piemonte.example.it', contactsUrl: 'https://vicini.example/contatti' }],
  [{ from: 'Ascom Torino', to: 'CNA Piemonte', shop: 'Forno & Figli', declaredOn: { en: '8 December 2026', it: '8 dicembre 2026' }, linkUntil: null, toEmail: 'sportello@cna-piemonte.example.it', contactsUrl: 'https://vicini.example/contatti' }],
] as const;
export const STATES = Object.values(MatchState);
export const STEPS = ['accept', 'decline', 'activate', 'complete', 'withdraw'] as const;
export const CHANGES = ['publish', 'pause', 'resume', 'close', 'suspend', 'reinstate'] as const;

export const LINK_MAILS = [[{ email: 'negozio@example.it', link: 'https://vicini.example/verifica-email#1.abc', hours: 48 }], [{ email: '<b>x</b>@example.it', link: 'https://vicini.example/conferma-email#2.def', hours: 1 }]] as const;

export const KINDS = Object.values(ScoringKind);
