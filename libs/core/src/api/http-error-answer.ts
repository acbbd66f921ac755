import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { GraphQLError } from 'graphql';
import { loggableError } from '../common/log-safety';
import { MESSAGES } from '../messages';
import { databaseBusyError, isDatabaseBusy } from './database-busy';

/** The HTTP status of each of the API's error codes. */
const STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Answers an HTTP route's failure as the GraphQL API words it: the code, the reason, the English
 * message and `messageIt`, the fields at fault, in a JSON body with the code's status. `worded` is
 * the error as the API gives it, or null for a failure it does not know (logged, answered 500).
 * Once the answer has begun (a streamed file, a stream of progress lines), the client gets a cut
 * answer and the log says why.
 */
export function answerHttpError(response: Response, error: unknown, given: GraphQLError | null, logger: Logger): void {
  const busy = !given && isDatabaseBusy(error);
  if (busy) logger.warn(`database busy, request stopped: ${loggableError(error).message}`);
  const worded = busy ? databaseBusyError() : given;
  if (response.headersSent) {
    logger.error(`answer failed after the first bytes: ${loggableError(error).message}`);
    response.end();
    return;
  }
  // The route may have announced a file; what goes out instead is the error, as JSON.
  response.removeHeader('content-disposition');
  response.setHeader('content-type', 'application/json; charset=utf-8');
  if (!worded) {
    const { message, stack } = loggableError(error);
    logger.error(message, stack);
    const words = MESSAGES.request.internalError();
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: words.en, messageIt: words.it });
    return;
  }
  // GraphQL's own HTTP details (a Retry-After header) are headers here, not part of the body.
  const { http, ...extensions } = worded.extensions as { http?: { headers?: Map<string, string> }; code?: unknown };
  for (const [name, value] of http?.headers ?? []) response.setHeader(name, value);
  const code = String(extensions.code ?? 'BAD_REQUEST');
  response.status(STATUS[code] ?? 400).json({ code, message: worded.message, ...extensions });
}
