import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from './request-context';

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
]);

const INTERNAL = 'INTERNAL_SERVER_ERROR';

const isExposed = (code: unknown): boolean => typeof code === 'string' && EXPOSED_CODES.has(code);

/** Unexpected errors reach clients as a bare INTERNAL_SERVER_ERROR: no SQL, no stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isExposed(formatted.extensions?.code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: INTERNAL } };
}

const logger = new Logger('GraphQL');

/** Logs each unexpected error in full and stamps every error sent with the request id. */
export const errorReportingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (isExposed(error.extensions?.code)) continue;
          const cause = error.originalError ?? error;
          logger.error(`request ${contextValue.ctx.requestId}: ${cause.name}: ${cause.message}`, cause.stack);
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const requestId = contextValue.ctx.requestId;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
          ...error,
          message: error.extensions?.code === INTERNAL ? `Internal server error (request ${requestId})` : error.message,
          extensions: { ...error.extensions, requestId },
        }));
      },
    };
  },
};
