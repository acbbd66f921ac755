import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { MESSAGES } from '../messages';
import { retryAfterExtensions } from './retry-after';

/** How long a client is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL's codes for a statement it stopped or a session it ended: query_canceled (at
 * DATABASE_STATEMENT_TIMEOUT_SECONDS, a lock wait included), idle_in_transaction_session_timeout,
 * admin_shutdown (a restart). The transaction is rolled back either way.
 */
const STOPPED = new Set(['57014', '25P03', '57P01']);

/**
 * node-postgres's words when no connection came within DATABASE_POOL_WAIT_SECONDS (the pool's,
 * then the connection's), or when the server ended the connection under a request.
 */
const NO_CONNECTION = /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$|^Connection terminated unexpectedly$|is not queryable$/;

/**
 * The database did not answer within the limits a request has: the statement was cancelled (its
 * transaction rolled back with it) or no connection was free. Nothing was changed; the client
 * may try again. Not a fault of the platform's code, so it is told, not masked.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STOPPED.has(code)) return true;
  const message = error instanceof QueryFailedError ? (error.driverError as { message?: string }).message : error instanceof Error ? error.message : undefined;
  return typeof message === 'string' && NO_CONNECTION.test(message);
}

/** SERVICE_UNAVAILABLE with its retry-after, in the body and as a Retry-After header (HTTP routes answer 503). */
export function databaseBusyError(): GraphQLError {
  const words = MESSAGES.request.databaseBusy(RETRY_AFTER_SECONDS);
  return new GraphQLError(words.en, { extensions: { code: 'SERVICE_UNAVAILABLE', ...retryAfterExtensions(RETRY_AFTER_SECONDS), messageIt: words.it } });
}
