import type { PasswordWeakness } from '../auth/password-rule';
import type { PartitaIvaFailure } from '../shop/registry/partita-iva';
import { alternatives, type Words } from './words';

/** Every refusal starts with the field's path, which people's clients replace with its label. */
const field = (path: string, en: string, it: string): Words => ({ en: `${path} ${en}`, it: `${path} ${it}` });

/** Why a Partita IVA is refused; a facilitator's numeric codice fiscale fails the same checks (facilitator.messages.ts). */
/** A bound as people read it in each language: 1,000,000 and 1.000.000 (a year, 2026, stays as it is). */
function grouped(value: number): Words {
  if (!Number.isInteger(value) || Math.abs(value) < 10_000) return { en: String(value), it: String(value) };
  return { en: value.toLocaleString('en-GB'), it: value.toLocaleString('it-IT') };
}

export const PARTITA_IVA: Readonly<Record<PartitaIvaFailure, Words>> = {
  FORMAT: { en: 'must be 11 digits', it: 'deve essere di 11 cifre' },
  CHECK_DIGIT: { en: 'has a wrong check digit', it: 'ha la cifra di controllo errata: ricontrolla le 11 cifre' },
  OFFICE_CODE: { en: 'has a VAT office code that does not exist (digits 8 to 10): check the digits', it: 'ha un codice dell’ufficio IVA che non esiste (cifre dall’8ª alla 10ª): ricontrolla le cifre' },
};

/** Why a new password is too easy to guess. */
const PASSWORD_WEAKNESS: Readonly<Record<PasswordWeakness, Words>> = {
  repeat: { en: 'it repeats the same characters or words', it: 'ripete gli stessi caratteri o le stesse parole' },
  pattern: { en: 'it follows a sequence or a row of the keyboard', it: 'segue una sequenza o una fila della tastiera' },
  common: { en: 'it is one of the most used passwords, or nearly', it: 'è una delle password più usate, o quasi' },
  personal: { en: 'it is built on your e-mail address or on the platform’s name', it: 'si basa sul tuo indirizzo e-mail o sul nome della piattaforma' },
  words: { en: 'it is a common word, name or date', it: 'è una parola, un nome o una data comune' },
  guessable: { en: 'it is made of common words and patterns', it: 'è fatta di parole e schemi comuni' },
};

/** What the platform gives an identifier to. */
export type IdentifiedThing = 'any' | 'offer' | 'helpRequest' | 'match' | 'provider' | 'facilitator' | 'allocationRun' | 'account' | 'notification' | 'selectionCall' | 'callApplication';

const IDENTIFIED: Readonly<Record<IdentifiedThing, Words>> = {
  any: { en: 'must be an identifier given by the platform', it: 'deve essere un identificativo dato dalla piattaforma' },
  offer: { en: 'must be an offer id', it: 'deve essere l’identificativo di un’offerta' },
  helpRequest: { en: 'must be a help request id', it: 'deve essere l’identificativo di una richiesta di aiuto' },
  match: { en: 'must be a match id', it: 'deve essere l’identificativo di un abbinamento' },
  provider: { en: 'must be a provider id', it: 'deve essere l’identificativo di un fornitore' },
  facilitator: { en: 'must be a facilitator organisation id', it: 'deve essere l’identificativo di un’organizzazione facilitatrice' },
  allocationRun: { en: 'must be an allocation run id', it: 'deve essere l’identificativo di un’esecuzione dell’assegnazione' },
  account: { en: 'must be an account id', it: 'deve essere l’identificativo di un account' },
  notification: { en: 'must be notification ids', it: 'deve contenere identificativi di notifiche' },
  selectionCall: { en: 'must be a selection call id', it: 'deve essere l’identificativo di un bando' },
  callApplication: { en: 'must be an application id', it: 'deve essere l’identificativo di una domanda' },
};

/**
 * Input rules, worded from the rule and its arguments (`atLeast(field, 5)` for `@Min(5)`): the
 * validation pipe reads both from the rule's metadata. Plain words that say what to write.
 */
export const validationMessages = {
  notEmpty: (path: string): Words => field(path, 'must not be empty', 'non può restare in bianco'),
  required: (path: string): Words => field(path, 'is required', 'è un campo obbligatorio'),
  text: (path: string): Words => field(path, 'must be text', 'deve essere un testo'),
  wholeNumber: (path: string): Words => field(path, 'must be a whole number', 'deve essere un numero intero'),
  number: (path: string): Words => field(path, 'must be a number', 'deve essere un numero'),
  positive: (path: string): Words => field(path, 'must be greater than zero', 'deve essere maggiore di zero'),
  boolean: (path: string): Words => field(path, 'must be true or false', 'deve essere vero o falso'),
  email: (path: string): Words => field(path, 'must be an e-mail address, such as name@example.it', 'deve essere un indirizzo e-mail, per esempio nome@esempio.it'),
  oneOf: (path: string, values: readonly string[]): Words => field(path, `must be one of: ${values.join(', ')}`, `deve essere uno di questi valori: ${values.join(', ')}`),
  either: (path: string, values: readonly string[]): Words => field(path, `must be ${alternatives(values).en}`, `deve essere ${alternatives(values).it}`),
  pattern: (path: string): Words => field(path, 'is not written as expected', 'non è nella forma prevista'),
  /** A call's declaration or question code: what it may be made of, with an example. */
  shortCode: (path: string): Words =>
    field(path, 'must be lower-case letters, digits and hyphens, such as sede-italia', 'deve essere fatto di lettere minuscole, cifre e trattini, per esempio sede-italia'),
  date: (path: string): Words => field(path, 'must be a date, such as 2026-05-01', 'deve essere una data, per esempio 2026-05-01'),
  atLeast: (path: string, min: number): Words => field(path, `must be at least ${grouped(min).en}`, `deve essere almeno ${grouped(min).it}`),
  atMost: (path: string, max: number): Words => field(path, `must be at most ${grouped(max).en}`, `non può superare ${grouped(max).it}`),
  minLength: (path: string, min: number): Words => field(path, `must have at least ${min} characters`, `deve avere almeno ${min} caratteri`),
  maxLength: (path: string, max: number): Words => field(path, `can have at most ${max} characters`, `può avere al massimo ${max} caratteri`),
  minItems: (path: string, min: number): Words =>
    field(path, min === 1 ? 'must list at least one item' : `must list at least ${min} items`, min === 1 ? 'deve contenere almeno un elemento' : `deve contenere almeno ${min} elementi`),
  maxItems: (path: string, max: number): Words =>
    field(path, max === 1 ? 'can list at most one item' : `can list at most ${max} items`, max === 1 ? 'può contenere al massimo un elemento' : `può contenere al massimo ${max} elementi`),
  someItem: (path: string): Words => field(path, 'must list at least one item', 'deve contenere almeno un elemento'),
  uniqueItems: (path: string): Words => field(path, 'must not list the same item twice', 'non può contenere due volte lo stesso elemento'),
  unknownField: (path: string): Words => field(path, 'is not a field of this input: leave it out', 'non è un campo ammesso: toglilo'),
  url: (path: string): Words => field(path, 'must be a web address, such as www.example.it', 'deve essere un indirizzo web, come www.esempio.it'),
  passwordCharacters: (path: string, least: number): Words =>
    field(path, `must have at least ${least} characters other than spaces`, `deve avere almeno ${least} caratteri che non siano spazi`),
  passwordUnchanged: (path: string): Words => field(path, 'must differ from the current password', 'deve essere diversa dalla password attuale'),
  passwordWeak: (path: string, weakness: PasswordWeakness): Words =>
    field(
      path,
      `is too easy to guess: ${PASSWORD_WEAKNESS[weakness].en}. Three or four unrelated words, or a short sentence only you would write, are safer`,
      `è troppo facile da indovinare: ${PASSWORD_WEAKNESS[weakness].it}. Tre o quattro parole senza legame tra loro, o una breve frase che scriveresti solo tu, sono più sicure`,
    ),
  identifier: (path: string, of: IdentifiedThing = 'any'): Words => field(path, IDENTIFIED[of].en, IDENTIFIED[of].it),
  latitude: (path: string): Words => field(path, 'must be a latitude between -90 and 90', 'deve essere una latitudine tra -90 e 90'),
  longitude: (path: string): Words => field(path, 'must be a longitude between -180 and 180', 'deve essere una longitudine tra -180 e 180'),
  list: (path: string): Words => field(path, 'must be a list', 'deve essere un elenco'),
  object: (path: string): Words => field(path, 'must be an object', 'deve essere un oggetto'),
  after: (path: string, other: string): Words => field(path, `must be after ${other}`, `deve venire dopo «${other}»`),
  partitaIva: (path: string, failure: PartitaIvaFailure): Words => field(path, PARTITA_IVA[failure].en, PARTITA_IVA[failure].it),
  invalid: (path: string): Words => field(path, 'is not valid', 'non ha un valore valido'),
  givenOnce: (path: string): Words => field(path, 'is given more than once: give it once', 'compare più di una volta: indicalo una volta sola'),

  // Rules with words of their own: what the value is for, rather than its form.
  notNull: (path: string): Words =>
    field(path, 'cannot be null: omit it to keep the current value', 'non può essere null: omettilo per mantenere il valore attuale'),
  regionCode: (path: string): Words =>
    field(path, 'must be chosen from the list of regions (a 2-digit ISTAT code such as 01)', 'va scelta dall’elenco delle regioni'),
  provinceCode: (path: string): Words =>
    field(path, 'must be chosen from the list of provinces (a 3-digit ISTAT code such as 001)', 'va scelta dall’elenco delle province'),
  comuneCode: (path: string): Words =>
    field(path, 'must be chosen from the list of comuni (a 6-digit ISTAT code such as 001001)', 'va scelto dall’elenco dei comuni'),
  atecoSection: (path: string): Words =>
    field(path, 'must be a letter from A to V (the section of the ATECO code)', 'deve essere una lettera da A a V (la sezione del codice ATECO)'),
  atecoDivision: (path: string): Words =>
    field(path, 'must be the two digits of the ATECO division, such as 47', 'deve essere formata dalle due cifre della divisione ATECO, per esempio 47'),
  phoneNumber: (path: string): Words =>
    field(path, 'must be a phone number, such as 011 1234567 or +39 011 1234567', 'deve essere un numero di telefono, per esempio 011 1234567 o +39 011 1234567'),
  serviceCategory: (path: string): Words => field(path, 'must be one of the service categories', 'deve essere una delle categorie di servizio'),
  auditEntityType: (path: string): Words => field(path, 'must be lower-case letters and underscores', 'deve contenere solo lettere minuscole e trattini bassi'),
  auditAction: (path: string): Words =>
    field(path, 'must be a dotted verb such as offer.published, or a prefix such as match.', 'deve essere un’azione come offer.published, oppure un suo inizio come match.'),
  privacyNoticeVersion: (path: string): Words =>
    field(
      path,
      'must be the version of the privacy notice in force: read the current notice and accept it',
      'deve essere la versione dell’informativa sulla privacy in vigore: leggi l’informativa attuale e accettala',
    ),
  auditCursor: (path: string): Words => field(path, 'must be the endCursor of a previous page', 'deve essere l’endCursor di una pagina precedente'),
  decisionReasonRequired: (path: string): Words =>
    field(path, 'is required to reject or suspend: explain the decision, the organisation will read it', 'è un campo obbligatorio per respingere o sospendere: spiega la decisione, l’organizzazione la leggerà'),
  decisionReasonTooShort: (path: string, min: number): Words =>
    field(path, `must explain the decision in at least ${min} characters: the organisation will read it`, `deve spiegare la decisione in almeno ${min} caratteri: l’organizzazione la leggerà`),
  suspensionReasonTooShort: (path: string, min: number): Words =>
    field(path, `must explain the suspension in at least ${min} characters: the provider will read it`, `deve spiegare la sospensione in almeno ${min} caratteri: il fornitore la leggerà`),
  zeroWithoutOrders: (path: string): Words => field(path, 'must be 0 when gotOnlineOrders is false', 'deve essere 0 se non sono arrivati ordini online'),
  someWithOrders: (path: string): Words =>
    field(path, 'must be at least 1 when online orders came: if none came, answer no', 'deve essere almeno 1 se sono arrivati ordini online: se non ne sono arrivati, rispondi no'),
};
