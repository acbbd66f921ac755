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
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON', messageIt: 'Il corpo della richiesta non è un JSON valido' };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than ${Math.round((error.limit ?? 0) / 1024)} kB`,
        messageIt: `Il corpo della richiesta supera ${Math.round((error.limit ?? 0) / 1024)} kB`,
      };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as UTF-8 JSON', messageIt: 'Invia il corpo come JSON in UTF-8' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read', messageIt: 'Non è stato possibile leggere il corpo della richiesta' };
    default:
      return undefined;
  }
}
