import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { MESSAGES } from '../messages';

/** How long a client is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

/** query_canceled: PostgreSQL stopped a statement at DATABASE_STATEMENT_TIMEOUT_SECONDS (a lock wait included). */
const STATEMENT_CANCELED = '57014';

/** node-postgres's words when no connection came within DATABASE_POOL_WAIT_SECONDS (the pool's, then the connection's). */
const POOL_WAIT = /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/;

/**
 * The database did not answer within the limits a request has: the statement was cancelled (its
 * transaction rolled back with it) or no connection was free. Nothing was changed; the client
 * may try again. Not a fault of the platform's code, so it is told, not masked.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof QueryFailedError) return (error.driverError as { code?: string } | undefined)?.code === STATEMENT_CANCELED;
  return error instanceof Error && POOL_WAIT.test(error.message);
}

/** SERVICE_UNAVAILABLE with its retry-after, in the body and as a Retry-After header (HTTP routes answer 503). */
export function databaseBusyError(): GraphQLError {
  const words = MESSAGES.request.databaseBusy(RETRY_AFTER_SECONDS);
  return new GraphQLError(words.en, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: RETRY_AFTER_SECONDS,
      messageIt: words.it,
      http: { headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}
