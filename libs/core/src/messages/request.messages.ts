import type { Words } from './words';

/** The limits an operation must meet before it runs. */
export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

const LIMITS: Readonly<Record<QueryLimit, Words>> = {
  depth: { en: 'nesting depth', it: 'profondità di annidamento' },
  aliases: { en: 'number of aliases', it: 'numero di alias' },
  directives: { en: 'number of directives', it: 'numero di direttive' },
  tokens: { en: 'length in tokens', it: 'lunghezza in token' },
  cost: { en: 'cost (the fields it may return, lists counted by their size)', it: 'costo (i campi che può restituire, contando le liste per la loro dimensione)' },
};

/** How long to wait, in seconds under a minute, else in minutes. */
function waitFor(seconds: number): Words {
  if (seconds < 60) return { en: `${seconds} seconds`, it: `${seconds} secondi` };
  const minutes = Math.ceil(seconds / 60);
  return { en: `${minutes} minute${minutes === 1 ? '' : 's'}`, it: `${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}` };
}

/** Refusals of a request as a whole: its shape, its size, its rate, or the server itself. */
export const requestMessages = {
  tooComplex: (limit: QueryLimit, max: number, found: number): Words => ({
    en: `The operation is too complex: its ${LIMITS[limit].en} is ${found}, over the limit of ${max}`,
    it: `L’operazione è troppo complessa: ${LIMITS[limit].it} ${found}, oltre il limite di ${max}`,
  }),
  tooManyRequests: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return { en: `Too many requests from your connection. Try again in ${wait.en}`, it: `Troppe richieste dalla tua connessione. Riprova tra ${wait.it}` };
  },
  costLimit: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return {
      en: `Your connection has asked for more data than one connection may in a minute. Try again in ${wait.en}, or ask for smaller pages`,
      it: `La tua connessione ha chiesto più dati di quanti ne sono consentiti in un minuto. Riprova tra ${wait.it}, oppure chiedi pagine più piccole`,
    };
  },
  delegationLimit: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return {
      en: `Your shop has given as many delegations as it may in an hour. Try again in ${wait.en}`,
      it: `La tua attività ha concesso tutte le deleghe consentite in un’ora. Riprova tra ${wait.it}`,
    };
  },
  emailLimit: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return { en: `Too many e-mails asked for this address. Try again in ${wait.en}`, it: `Troppe e-mail richieste per questo indirizzo. Riprova tra ${wait.it}` };
  },
  invitationLimit: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return {
      en: `Your organisation has sent as many invitations as it may in an hour. Try again in ${wait.en}`,
      it: `La tua organizzazione ha inviato tutti gli inviti consentiti in un’ora. Riprova tra ${wait.it}`,
    };
  },
  accountLocked: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return {
      en: `Too many wrong passwords for this account: it is locked for now. Try again in ${wait.en}, or reset the password`,
      it: `Troppe password errate per questo account: è bloccato per ora. Riprova tra ${wait.it} oppure reimposta la password`,
    };
  },
  bodyNotJson: (): Words => ({ en: 'The request body is not valid JSON', it: 'Il corpo della richiesta non è un JSON valido' }),
  bodyTooLarge: (limitKb: number): Words => ({ en: `The request body is larger than ${limitKb} kB`, it: `Il corpo della richiesta supera ${limitKb} kB` }),
  bodyNotUtf8Json: (): Words => ({ en: 'Send the body as UTF-8 JSON', it: 'Invia il corpo come JSON in UTF-8' }),
  bodyUnreadable: (): Words => ({ en: 'The request body could not be read', it: 'Non è stato possibile leggere il corpo della richiesta' }),
  /** Unexpected failures: nothing of the cause reaches the client, the request id finds it in the log. */
  internalError: (requestId?: string): Words =>
    requestId
      ? { en: `Internal server error (request ${requestId})`, it: `Errore interno del server (richiesta ${requestId})` }
      : { en: 'Internal server error', it: 'Errore interno del server' },
  stopping: (): Words => ({ en: 'This instance is stopping', it: 'Questa istanza si sta fermando' }),
  /** The database did not answer in time (DATABASE_STATEMENT_TIMEOUT_SECONDS, DATABASE_POOL_WAIT_SECONDS): nothing was changed. */
  databaseBusy: (retryAfterSeconds: number): Words => {
    const wait = waitFor(retryAfterSeconds);
    return {
      en: `The platform is too busy to answer now: the request was stopped and nothing was changed. Try again in ${wait.en}`,
      it: `La piattaforma è troppo occupata per rispondere ora: la richiesta è stata interrotta e non è stato modificato nulla. Riprova tra ${wait.it}`,
    };
  },
  /** Names the platform's setting, not the GraphQL server's option, so that whoever runs it knows what to change. */
  introspectionDisabled: (): Words => ({
    en: 'Schema introspection is turned off on this server (in production it is off unless the server sets GRAPHQL_INTROSPECTION=true)',
    it: 'L’introspezione dello schema è disattivata su questo server (in produzione lo è, salvo che il server imposti GRAPHQL_INTROSPECTION=true)',
  }),
};

/** The text rules of api/text-rules.ts; the same names are the errors' codes. */
export type TextProblem = 'bidiControl' | 'controlCharacter' | 'lineBreak' | 'invisibleCharacter' | 'stackedMarks' | 'noVisibleCharacter' | 'markupOrLink' | 'webAddress';

const TEXT_PROBLEMS: Readonly<Record<TextProblem, Words>> = {
  bidiControl: {
    en: 'must not contain characters that change the direction of the text (U+202A–U+202E, U+2066–U+2069): they can disguise what it says',
    it: 'non può contenere caratteri che invertono la direzione del testo (U+202A–U+202E, U+2066–U+2069): possono mascherare ciò che dice',
  },
  controlCharacter: { en: 'must not contain control characters', it: 'non può contenere caratteri di controllo' },
  markupOrLink: {
    en: 'must be a name, without web addresses (http://, www., example.it/page) or the characters < and >: it appears in the platform’s e-mails and pages',
    it: 'deve essere un nome, senza indirizzi web (http://, www., esempio.it/pagina) né i caratteri < e >: compare nelle e-mail e nelle pagine della piattaforma',
  },
  webAddress: {
    en: 'must not contain web addresses (such as www.example.it or example.it/page) or the characters < and >: the platform e-mails it to the other party under its own name',
    it: 'non può contenere indirizzi web (come www.esempio.it o esempio.it/pagina) né i caratteri < e >: la piattaforma lo invia per e-mail all’altra parte a proprio nome',
  },
  lineBreak: { en: 'must be a single line, without line breaks or tabs', it: 'deve stare su una sola riga, senza a capo né tabulazioni' },
  invisibleCharacter: {
    en: 'must not contain invisible characters (zero-width spaces, joiners or direction marks)',
    it: 'non può contenere caratteri invisibili (spazi a larghezza zero, congiunzioni o segni di direzione)',
  },
  stackedMarks: { en: 'has too many accents on one letter', it: 'ha troppi accenti sulla stessa lettera' },
  noVisibleCharacter: { en: 'must contain visible characters, not only blanks or accents', it: 'deve contenere caratteri visibili, non solo spazi o accenti' },
};

/** Why a variable's value does not fit the type the operation declares (the error's code is the key). */
export type VariableProblem = 'isInt' | 'intRange' | 'isNumber' | 'isString' | 'isBoolean' | 'isId' | 'isDateTime' | 'isObject' | 'isDefined' | 'unknownField' | 'type';

const VARIABLE_PROBLEMS: Readonly<Record<VariableProblem, (type: string) => Words>> = {
  isInt: () => ({ en: 'must be a whole number', it: 'deve essere un numero intero' }),
  // Beyond what any field takes (its own limits are far smaller): said in words, not as 32-bit bounds.
  intRange: () => ({ en: 'is a number far too large (or too small) for this field', it: 'è un numero troppo grande (o troppo piccolo) per questo campo' }),
  isNumber: () => ({ en: 'must be a number', it: 'deve essere un numero' }),
  isString: () => ({ en: 'must be text', it: 'deve essere un testo' }),
  isBoolean: () => ({ en: 'must be true or false', it: 'deve essere true o false' }),
  isId: () => ({ en: 'must be an identifier (text)', it: 'deve essere un identificativo (testo)' }),
  isDateTime: () => ({
    en: 'must be a date and time in ISO 8601 of a day that exists, with its offset from UTC (e.g. 2026-12-31T10:00:00Z or 2026-12-31T11:00:00+01:00)',
    it: 'deve essere una data e ora ISO 8601 di un giorno che esiste, con lo scarto da UTC (per esempio 2026-12-31T10:00:00Z o 2026-12-31T11:00:00+01:00)',
  }),
  isObject: (type) => ({ en: `must be an object with the fields of ${type}`, it: `deve essere un oggetto con i campi di ${type}` }),
  isDefined: () => ({ en: 'is required', it: 'è un campo obbligatorio' }),
  unknownField: (type) => ({ en: `is not a field of ${type}`, it: `non è un campo di ${type}` }),
  type: (type) => ({ en: `is not a valid ${type}`, it: `non è un valore valido per ${type}` }),
};

/** What no input may carry, whatever its field. */
export const inputMessages = {
  nulCharacter: (field: string): Words => ({
    en: `${field} must not contain the NUL character (\\u0000)`,
    it: `${field} non può contenere il carattere NUL (\\u0000)`,
  }),
  malformedText: (field: string): Words => ({
    en: `${field} must be well-formed text (it contains half of a UTF-16 surrogate pair)`,
    it: `${field} deve essere un testo valido (contiene metà di una coppia surrogata UTF-16)`,
  }),
  /** A text rule broken (api/text-rules.ts), by its name. */
  text: (field: string, problem: TextProblem): Words => ({ en: `${field} ${TEXT_PROBLEMS[problem].en}`, it: `${field} ${TEXT_PROBLEMS[problem].it}` }),
  /** A variable's value that does not fit its declared type, at `field` (the argument it feeds). */
  variableType: (field: string, problem: VariableProblem, type: string): Words => {
    const words = VARIABLE_PROBLEMS[problem](type);
    return { en: `${field} ${words.en}`, it: `${field} ${words.it}` };
  },
  /** An enum variable's value that is not one of its values. */
  variableEnum: (field: string, values: readonly string[]): Words => ({
    en: `${field} must be one of ${values.join(', ')}`,
    it: `${field} deve essere uno tra ${values.join(', ')}`,
  }),
  dateOutOfRange: (field: string): Words => ({
    en: `${field} must be a date between 1900-01-01 and 2199-12-31`,
    it: `${field} deve essere una data tra il 01/01/1900 e il 31/12/2199`,
  }),
};
