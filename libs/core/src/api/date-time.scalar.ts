import { isISO8601 } from 'class-validator';
import { Transform } from 'class-transformer';
import { GraphQLScalarType, Kind, print } from 'graphql';

/**
 * A DateTime argument as ISO 8601 text naming a day that exists. `new Date()`, which the default
 * scalar calls, rolls 31 February over to 3 March and reads text such as "5 December" in the
 * server's time zone: the platform would store a date nobody typed. The refusal starts with
 * "DateTime cannot represent", the wording of graphql-js's own scalars, so that the error names
 * the field like every other bad value (variable-errors.ts). A time without its offset
 * ("2026-12-21T18:00") is refused too: `new Date()` would read it in the server's time zone, so a
 * call's deadline would move with the machine the API runs on. A date alone is the day at UTC.
 */
/** A date and time that does not end with Z or ±hh:mm (±hhmm, ±hh). */
const TIME_WITHOUT_OFFSET = /T[^Z+-]*$/i;

export function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && TIME_WITHOUT_OFFSET.test(value)) {
    throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: a time must give its offset from UTC, such as 2026-12-21T18:00:00+01:00 or 2026-12-21T17:00:00Z`);
  }
  const date = typeof value === 'string' && isISO8601(value, { strict: true, strictSeparator: true }) ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) {
    throw new TypeError(`DateTime cannot represent ${JSON.stringify(value) ?? String(value)}: it must be an ISO 8601 date and time of a day that exists`);
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date | null, string | null>({
  name: 'DateTime',
  description: 'A date and time in ISO 8601 with its offset, such as 2026-12-03T09:54:33Z or 2026-12-03T10:54:33+01:00 (answers are at UTC); a time without an offset, and a day that does not exist such as 2027-02-29, are refused.',
  parseValue: parseDateTime,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError(`DateTime cannot represent a non-string value: ${print(ast)}`);
    return parseDateTime(ast.value);
  },
});

/**
 * The same reading for a date in a URL's query (the CSV downloads): a day that does not exist
 * becomes an invalid date, which `@IsDate()` then refuses naming the parameter.
 */
export const QueryDate = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    try {
      return parseDateTime(value);
    } catch {
      return new Date(NaN);
    }
  });
