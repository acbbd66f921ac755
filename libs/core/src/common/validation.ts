import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, userInputError } from './user-input.error';

type Translate = (constraint: string, english: string) => string;

/** Italian wording for class-validator rules; `english` is the library's own message. */
const ITALIAN: Record<string, (english: string) => string> = {
  isNotEmpty: () => 'non può essere vuoto',
  isDefined: (en) => (en.includes('cannot be null') ? 'non può essere nullo: omettilo per mantenere il valore attuale' : 'è obbligatorio'),
  isString: () => 'deve essere un testo',
  isInt: () => 'deve essere un numero intero',
  isBoolean: () => 'deve essere vero o falso',
  isEmail: () => "deve essere un indirizzo e-mail valido",
  isEnum: () => 'non è tra i valori ammessi',
  isIn: () => 'non è tra i valori ammessi',
  matches: () => 'non ha il formato richiesto',
  isDateString: () => 'deve essere una data valida',
  min: (en) => `deve essere almeno ${lastNumber(en)}`,
  max: (en) => `non può superare ${lastNumber(en)}`,
  minLength: (en) => `deve avere almeno ${lastNumber(en)} caratteri`,
  maxLength: (en) => `può avere al massimo ${lastNumber(en)} caratteri`,
  arrayMinSize: (en) => `deve contenere almeno ${lastNumber(en)} elementi`,
  arrayMaxSize: (en) => `può contenere al massimo ${lastNumber(en)} elementi`,
  whitelistValidation: () => 'non è un campo ammesso',
  isPartitaIva: (en) =>
    en.includes('check digit') ? 'ha la cifra di controllo errata' : en.includes('office') ? "ha un codice d'ufficio IVA non valido" : 'deve essere di 11 cifre',
  isUrl: () => 'deve essere un indirizzo web valido',
  isUUID: () => 'deve essere un identificativo valido',
  isUuid: () => 'deve essere un identificativo valido',
  isLatitude: () => 'deve essere una latitudine valida',
  isLongitude: () => 'deve essere una longitudine valida',
  arrayNotEmpty: () => 'non può essere vuoto',
  arrayUnique: () => 'non può contenere duplicati',
  isNumber: () => 'deve essere un numero',
  isPositive: () => 'deve essere maggiore di zero',
  isDate: () => 'deve essere una data valida',
  isAfter: (en) => `deve essere successiva a ${en.split(' ').pop()}`,
  isArray: () => 'deve essere un elenco',
  nestedValidation: () => 'deve essere un oggetto',
};

function lastNumber(text: string): string {
  return text.match(/-?\d+(\.\d+)?(?!.*\d)/)?.[0] ?? '';
}

const toItalian: Translate = (constraint, english) => ITALIAN[constraint]?.(english) ?? 'valore non valido';

/** Flattens nested class-validator errors into one entry per field and rule (`input.coverage.radiusKm`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message: message.replace(/^(\S+\.)*\S+ /, `${field} `),
      messageIt: `${field} ${(error.contexts?.[code] as { it?: string } | undefined)?.it ?? toItalian(code, message)}`,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** The global pipe: every argument and input validates itself; failures name each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // One reason per field: the first rule it breaks.
    stopAtFirstError: true,
    exceptionFactory: (errors) => userInputError(toFieldErrors(errors)),
  });
}
