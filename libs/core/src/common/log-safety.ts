import { QueryFailedError } from 'typeorm';

/**
 * What an error may put in a log line. Logs are read by operators and kept in other systems, so they
 * carry no personal data or secrets: no SQL parameters, no values PostgreSQL quotes back in its
 * messages, no e-mail addresses, no tokens. Users are named by id, which the code logs itself.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const REFRESH_TOKEN = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{20,}/gi;
const BEARER = /\bBearer\s+\S+/gi;

/** Removes e-mail addresses and tokens from a text. */
export function redactText(text: string): string {
  return text.replace(JWT, '<token>').replace(REFRESH_TOKEN, '<token>').replace(BEARER, 'Bearer <token>').replace(EMAIL, '<e-mail>');
}

interface DriverError {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/** A failed statement: its SQLSTATE and the schema objects involved, never its parameters or quoted values. */
function describeQueryFailure(error: QueryFailedError): string {
  const driver = error.driverError as DriverError;
  const names = new Set([driver.table, driver.column, driver.constraint].filter((name): name is string => !!name));
  // PostgreSQL quotes values back ("invalid input syntax for type uuid: \"…\""): keep only known identifiers.
  const message = error.message.replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
  const where = [driver.table && `table ${driver.table}`, driver.column && `column ${driver.column}`, driver.constraint && `constraint ${driver.constraint}`].filter(Boolean);
  return redactText(`SQL error ${driver.code ?? 'unknown'}${where.length ? ` (${where.join(', ')})` : ''}: ${message}`);
}

/** The message and stack of an error as a log may carry them. */
export function loggableError(error: unknown): { message: string; stack?: string } {
  if (!(error instanceof Error)) return { message: redactText(String(error)) };
  const message = error instanceof QueryFailedError ? describeQueryFailure(error) : `${error.name}: ${redactText(error.message)}`;
  // The stack begins with the message: keep only its frames.
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  return { message, stack: frames?.length ? [message, ...frames].join('\n') : undefined };
}
