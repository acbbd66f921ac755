import { MESSAGES, type Words } from '@vec/core';
import type { NextFunction, Request, Response } from 'express';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Turns the JSON body parser's failures into JSON answers (400 for malformed JSON, 413 for a body
 * over the limit, 415 for a charset it cannot read) in the GraphQL error shape, so clients and
 * proxies see what went wrong instead of a 404. Anything else goes on to Nest's handlers.
 */
export function bodyErrorHandler(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  const answer = describe(error);
  if (!answer) return next(error);
  res.status(answer.status).json({ errors: [{ message: answer.message, extensions: { code: answer.code, messageIt: answer.messageIt } }] });
}

function describe(error: BodyParserError): { status: number; code: string; message: string; messageIt: string } | undefined {
  const answer = (status: number, code: string, words: Words) => ({ status, code, message: words.en, messageIt: words.it });
  switch (error.type) {
    case 'entity.parse.failed':
      return answer(400, 'BAD_REQUEST', MESSAGES.request.bodyNotJson());
    case 'entity.too.large':
      return answer(413, 'PAYLOAD_TOO_LARGE', MESSAGES.request.bodyTooLarge(Math.round((error.limit ?? 0) / 1024)));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return answer(415, 'UNSUPPORTED_MEDIA_TYPE', MESSAGES.request.bodyNotUtf8Json());
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return answer(400, 'BAD_REQUEST', MESSAGES.request.bodyUnreadable());
    default:
      return undefined;
  }
}
