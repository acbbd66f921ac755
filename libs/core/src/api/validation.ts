import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldPath } from '../common/field-path';
import { FieldError, userInputError } from './user-input.error';

type Words = (english: string) => string;

/** The number a rule was given ("… at least 5 characters" → "5"). */
function lastNumber(text: string): string {
  return text.match(/-?\d+(\.\d+)?(?!.*\d)/)?.[0] ?? '';
}

/** The values class-validator lists for isEnum / isIn ("… one of the following values: A, B"). */
function listed(text: string): string {
  return text.split('following values: ')[1] ?? '';
}

/**
 * Plain English for class-validator's own rules, used when the rule carries no message of its
 * own: the library words them for programmers ("must be longer than or equal to 5 characters").
 */
const ENGLISH: Record<string, Words> = {
  isNotEmpty: () => 'must not be empty',
  isDefined: () => 'is required',
  isString: () => 'must be text',
  isInt: () => 'must be a whole number',
  isNumber: () => 'must be a number',
  isPositive: () => 'must be greater than zero',
  isBoolean: () => 'must be true or false',
  isEmail: () => 'must be an e-mail address, such as name@example.it',
  isEnum: (en) => `must be one of: ${listed(en)}`,
  isIn: (en) => `must be one of: ${listed(en)}`,
  matches: () => 'is not written as expected',
  isDate: () => 'must be a date, such as 2026-05-01',
  isDateString: () => 'must be a date, such as 2026-05-01',
  min: (en) => `must be at least ${lastNumber(en)}`,
  max: (en) => `must be at most ${lastNumber(en)}`,
  minLength: (en) => `must have at least ${lastNumber(en)} characters`,
  maxLength: (en) => `can have at most ${lastNumber(en)} characters`,
  arrayMinSize: (en) => `must list at least ${lastNumber(en)} items`,
  arrayMaxSize: (en) => `can list at most ${lastNumber(en)} items`,
  arrayNotEmpty: () => 'must list at least one item',
  arrayUnique: () => 'must not list the same item twice',
  whitelistValidation: () => 'is not a field of this input: leave it out',
  isUrl: () => 'must be a web address starting with https://',
  isUUID: () => 'must be an identifier given by the platform',
  isLatitude: () => 'must be a latitude between -90 and 90',
  isLongitude: () => 'must be a longitude between -180 and 180',
  isArray: () => 'must be a list',
  nestedValidation: () => 'must be an object',
};

/** Italian for the same rules, unless the rule carries its own (`italian()` in input-rules.ts). */
const ITALIAN: Record<string, Words> = {
  isNotEmpty: () => 'non può essere vuoto',
  isDefined: (en) => (en.includes('cannot be null') ? 'non può essere nullo: omettilo per mantenere il valore attuale' : 'è obbligatorio'),
  isString: () => 'deve essere un testo',
  isInt: () => 'deve essere un numero intero',
  isNumber: () => 'deve essere un numero',
  isPositive: () => 'deve essere maggiore di zero',
  isBoolean: () => 'deve essere vero o falso',
  isEmail: () => 'deve essere un indirizzo e-mail, per esempio nome@esempio.it',
  isEnum: (en) => (listed(en) ? `deve essere uno di questi valori: ${listed(en)}` : 'non è tra i valori ammessi: scegline uno dall’elenco'),
  isIn: (en) => (listed(en) ? `deve essere uno di questi valori: ${listed(en)}` : 'non è tra i valori ammessi: scegline uno dall’elenco'),
  matches: () => 'non è scritto nella forma prevista',
  isDateString: () => 'deve essere una data, per esempio 2026-05-01',
  isDate: () => 'deve essere una data, per esempio 2026-05-01',
  min: (en) => `deve essere almeno ${lastNumber(en)}`,
  max: (en) => `non può superare ${lastNumber(en)}`,
  minLength: (en) => `deve avere almeno ${lastNumber(en)} caratteri`,
  maxLength: (en) => `può avere al massimo ${lastNumber(en)} caratteri`,
  arrayMinSize: (en) => `deve contenere almeno ${lastNumber(en)} elementi`,
  arrayMaxSize: (en) => `può contenere al massimo ${lastNumber(en)} elementi`,
  whitelistValidation: () => 'non è un campo ammesso: toglilo',
  isPartitaIva: (en) =>
    en.includes('check digit')
      ? 'ha la cifra di controllo errata: ricontrolla le 11 cifre'
      : en.includes('office')
        ? 'non è una Partita IVA valida (il codice dell’ufficio IVA non esiste): ricontrolla le cifre'
        : 'deve essere di 11 cifre',
  isUrl: () => 'deve essere un indirizzo web che inizia con https://',
  isUUID: () => 'deve essere un identificativo dato dalla piattaforma',
  isUuid: () => 'deve essere un identificativo dato dalla piattaforma',
  isLatitude: () => 'deve essere una latitudine tra -90 e 90',
  isLongitude: () => 'deve essere una longitudine tra -180 e 180',
  arrayNotEmpty: () => 'deve contenere almeno un elemento',
  arrayUnique: () => 'non può contenere due volte lo stesso elemento',
  isAfter: (en) => `deve essere successiva a ${en.split(' ').pop()}`,
  isArray: () => 'deve essere un elenco',
  nestedValidation: () => 'deve essere un oggetto',
};

/**
 * class-validator's own wording for a rule, recognised so that it can be replaced: a message a
 * rule was given on purpose is kept as written.
 */
const LIBRARY_WORDING = [
  /should not be empty$/,
  /should not be null or undefined$/,
  /must be a string$/,
  /must be an integer number$/,
  /must be a number conforming to the specified constraints$/,
  /must be a positive number$/,
  /must be a boolean value$/,
  /must be an email$/,
  /must be one of the following values: /,
  /must match .* regular expression$/,
  /must be a Date instance$/,
  /must be a valid ISO 8601 date string$/,
  /must not be less than -?[\d.]+$/,
  /must not be greater than -?[\d.]+$/,
  /must be longer than or equal to \d+ characters$/,
  /must be shorter than or equal to \d+ characters$/,
  /must contain at least \d+ elements$/,
  /must contain no more than \d+ elements$/,
  /elements must be unique$/,
  /^property \S+ should not exist$/,
  /must be a URL address$/,
  /must be a UUID$/,
  /must be a latitude string or number$/,
  /must be a longitude string or number$/,
  /must be an array$/,
  /must be either object or array$/,
];

const isLibraryWording = (message: string): boolean => LIBRARY_WORDING.some((pattern) => pattern.test(message));

function english(field: string, code: string, message: string): string {
  if (isLibraryWording(message)) return `${field} ${ENGLISH[code]?.(message) ?? 'is not valid'}`;
  // A rule's own message starts with the property's name: the full path replaces it.
  return message.replace(/^(\S+\.)*\S+ /, `${field} `);
}

const italianOf = (code: string, message: string): string => ITALIAN[code]?.(message) ?? 'non è valido';

/**
 * Flattens nested class-validator errors into one entry per field and rule, each field named by
 * its full path from the operation's arguments (`input.coverage.radii.0.km`, see field-path.ts).
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message: english(field, code, message),
      messageIt: `${field} ${(error.contexts?.[code] as { it?: string } | undefined)?.it ?? italianOf(code, message)}`,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Carries the raw errors out of the library to `transform`, which knows the argument's name. */
class ValidationFailure extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * The global pipe: every argument and input validates itself; failures name each field. A named
 * argument (`@Args('input')`) starts the path, so the paths read the same as those services give.
 */
class FieldPathValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      throw userInputError(toFieldErrors(error.errors, typeof metadata.data === 'string' ? metadata.data : ''));
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new FieldPathValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // One reason per field: the first rule it breaks.
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailure(errors),
  });
}
