import { EARLIEST_DATE, LATEST_DATE } from '../common/time';
import { MESSAGES } from '../messages';
import { anyTextProblem } from './text-rules';
import { fieldError, type FieldError } from './user-input.error';

/**
 * What no input may carry, whatever its field: a NUL character (PostgreSQL text cannot hold it), a
 * lone UTF-16 surrogate (not a character at all), text that breaks the rules every text meets
 * (bidi overrides, control characters but tab and line breaks, nothing visible: text-rules.ts;
 * single-line fields are stricter, by their decorators), or a date outside the years the platform
 * deals in (a date near JavaScript's limits overflows PostgreSQL's arithmetic).
 */

function problemOf(value: unknown, field: string): FieldError | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return fieldError(field, 'noNulCharacter', MESSAGES.input.nulCharacter(field));
    if (!value.isWellFormed()) return fieldError(field, 'wellFormedText', MESSAGES.input.malformedText(field));
    const problem = anyTextProblem(value);
    if (problem) return fieldError(field, problem, MESSAGES.input.text(field, problem));
  }
  if (value instanceof Date && (Number.isNaN(value.getTime()) || value < EARLIEST_DATE || value > LATEST_DATE)) {
    return fieldError(field, 'dateInRange', MESSAGES.input.dateOutOfRange(field));
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
