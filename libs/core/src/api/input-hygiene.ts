import type { FieldError } from './user-input.error';

/**
 * What no input may carry, whatever its field: a NUL character (PostgreSQL text cannot hold it), a
 * lone UTF-16 surrogate (not a character at all), or a date outside the years the platform deals
 * in (a date near JavaScript's limits overflows PostgreSQL's arithmetic).
 */
export const EARLIEST_DATE = new Date('1900-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('2199-12-31T23:59:59.999Z');

function problemOf(value: unknown, field: string): FieldError | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      return { field, code: 'noNulCharacter', message: `${field} must not contain the NUL character (\\u0000)`, messageIt: `${field} non può contenere il carattere NUL (\\u0000)` };
    }
    if (!value.isWellFormed()) {
      return {
        field,
        code: 'wellFormedText',
        message: `${field} must be well-formed text (it contains half of a UTF-16 surrogate pair)`,
        messageIt: `${field} deve essere un testo valido (contiene metà di una coppia surrogata UTF-16)`,
      };
    }
  }
  if (value instanceof Date && (Number.isNaN(value.getTime()) || value < EARLIEST_DATE || value > LATEST_DATE)) {
    return {
      field,
      code: 'dateInRange',
      message: `${field} must be a date between 1900-01-01 and 2199-12-31`,
      messageIt: `${field} deve essere una data tra il 01/01/1900 e il 31/12/2199`,
    };
  }
  return undefined;
}

/** Every string and date inside `value` (objects and lists included) that no field may hold, by path. */
export function inputHygieneErrors(value: unknown, path: string): FieldError[] {
  const own = problemOf(value, path);
  if (own) return [own];
  if (Array.isArray(value)) return value.flatMap((item, index) => inputHygieneErrors(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => inputHygieneErrors(item, path ? `${path}.${key}` : key));
  }
  return [];
}
