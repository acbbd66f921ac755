import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError, Lexer, Source, TokenKind } from 'graphql';
import { queryTooComplex } from './query-cost';
import type { GraphQLContext } from './request-context';
import { loggableError } from '../common/log-safety';
import { MESSAGES } from '../messages';
import { databaseBusyError, isDatabaseBusy } from './database-busy';

/** Error codes whose message is meant for the client; anything else is masked. */
const EXPOSED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);

const INTERNAL = 'INTERNAL_SERVER_ERROR';

const isExposed = (code: unknown): boolean => typeof code === 'string' && EXPOSED_CODES.has(code);

/** graphql-js stops parsing at the token limit with this message; the answer says how long the document is. */
const TOKEN_LIMIT = /Document contains more that (\d+) tokens/;

function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error further on: the tokens read so far are already over the limit.
  }
  return count;
}

/**
 * The operation limits (depth, aliases, directives, cost, tokens) are reported as one error code,
 * QUERY_TOO_COMPLEX, although Apollo files them under parse or validation failures.
 */
function queryLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : undefined;
  if (original instanceof GraphQLError && original.extensions.code === 'QUERY_TOO_COMPLEX') {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, extensions };
  }
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (!tokens) return undefined;
  const source = original instanceof GraphQLError ? original.source?.body : undefined;
  const refusal = queryTooComplex('tokens', Number(tokens[1]), source ? countTokens(source) : Number(tokens[1]) + 1);
  const { http: _http, ...extensions } = refusal.extensions;
  return { message: refusal.message, extensions };
}

/**
 * Apollo refuses some requests before running them (a persisted query whose hash does not match
 * its text, an unknown persisted-query version) with an HTTP 4xx status and no code: the client's
 * mistake, not the platform's.
 */
function isRequestRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Unexpected errors reach clients as a bare INTERNAL_SERVER_ERROR: no SQL, no stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const limit = queryLimitError(formatted, error);
  if (limit) return limit;
  // Also where no Nest filter runs (field resolvers, data loaders): a database that did not answer in time is told, not masked.
  if (isDatabaseBusy(error instanceof GraphQLError ? error.originalError : error)) {
    const busy = databaseBusyError();
    const { http: _http, ...extensions } = busy.extensions;
    return { message: busy.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  if (isRequestRefusal(error)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  if (isExposed(formatted.extensions?.code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: MESSAGES.request.internalError().en, path: formatted.path, locations: formatted.locations, extensions: { code: INTERNAL } };
}

const logger = new Logger('GraphQL');

/** Logs each unexpected error in full and stamps every error sent with the request id. */
export const errorReportingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (isDatabaseBusy(error.originalError)) {
            logger.warn(`request ${contextValue.ctx.requestId}: database busy, request stopped: ${loggableError(error.originalError).message}`);
            continue;
          }
          if (isExposed(error.extensions?.code) || isRequestRefusal(error)) continue;
          const { message, stack } = loggableError(error.originalError ?? error);
          logger.error(`request ${contextValue.ctx.requestId}: ${message}`, stack);
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const requestId = contextValue.ctx.requestId;
        const busy = response.body.singleResult.errors.find((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
        if (busy) response.http.headers.set('retry-after', String(busy.extensions?.retryAfter));
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
          ...error,
          message: error.extensions?.code === INTERNAL ? MESSAGES.request.internalError(requestId).en : error.message,
          extensions: { ...error.extensions, requestId },
        }));
      },
    };
  },
};
