import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import type { Environment, LogLevelName } from '../config/environment';

/** Nest's level names as pino's. */
const PINO_LEVELS: Record<LogLevelName, string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/** Whether pino-pretty can be loaded: a development dependency, absent from the production image. */
export function prettyPrinterInstalled(resolve: (name: string) => string = require.resolve): boolean {
  try {
    resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON lines in production (and wherever LOG_FORMAT=json), readable lines in development; JSON too
 * where the text printer is not installed (the production image without NODE_ENV, or with
 * LOG_FORMAT=pretty), rather than a process that cannot start.
 */
export function pinoOptions(env: Pick<Environment, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV'>, prettyAvailable = prettyPrinterInstalled()): LoggerOptions {
  const pretty = prettyAvailable && (env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === 'auto' && env.NODE_ENV !== 'production'));
  return {
    level: PINO_LEVELS[env.LOG_LEVEL],
    base: { app: 'vicini-e-connessi' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // pino-pretty is a development dependency: production images log JSON and do not carry it.
    ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' } } } : {}),
  };
}

/**
 * Where JSON lines go: standard output, written asynchronously, so that a busy process does not
 * make a system call per access line (writes that queue up while one is in flight go out
 * together; pino flushes what is left when the process exits).
 */
export function logDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

/** What a request carries that the access line reads, set along the way (GraphQL operation, actor). */
export interface LoggedRequest extends IncomingMessage {
  /** The client's address, as Express reads it (through the proxies TRUST_PROXY believes). */
  ip?: string;
  user?: unknown;
  graphqlOperation?: string;
  originalUrl?: string;
}

const REQUEST_ID = /^[\w.-]{8,64}$/;

/** The request id: the caller's X-Request-Id when well-formed, else a new one; echoed in the answer. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** The GraphQL operation and the signed-in user of an answered request, where there are. */
function answeredBy(req: LoggedRequest): { operation?: string; userId?: string } {
  const user = req.user as { userId?: unknown } | undefined;
  return {
    ...(req.graphqlOperation ? { operation: req.graphqlOperation } : {}),
    ...(typeof user?.userId === 'string' ? { userId: user.userId } : {}),
  };
}

/**
 * Pages whose last path segment is `<id>.<secret>`: the invitation and claim links e-mailed before
 * their secret moved to the fragment. Whoever read a logged one could claim the shop: the log keeps
 * the id only.
 */
const SECRET_IN_PATH = /^(\/(?:delega|rivendica)\/[^/.]+)\.[^/]+$/;

/** The path as logged: no query string, and no link secret. */
export const loggedPath = (url: string): string => (url.split('?')[0] ?? '').replace(SECRET_IN_PATH, '$1.[secret]');

const pathOf = (req: LoggedRequest): string => loggedPath(req.originalUrl ?? req.url ?? '');

/**
 * One access line per request, after its answer: method, path, client address, GraphQL
 * operation, status, duration, user id and request id — never headers, query strings or bodies
 * (no tokens, no e-mail addresses). The address is what throttles and lockouts count by: without
 * it, an alert on them could not say where the attempts came from. Health checks and metrics
 * scrapes are not logged.
 */
export function accessLogOptions(): Options<LoggedRequest, ServerResponse> {
  return {
    genReqId: requestIdOf,
    autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|$)/.test(pathOf(req)) },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, responseTime) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // Known once answered: added to the access line itself, where customProps would bind them to
    // two more child loggers for every request.
    customSuccessObject: (req, _res, line: object) => ({ ...line, ...answeredBy(req) }),
    customErrorObject: (req, _res, _error, line: object) => ({ ...line, ...answeredBy(req) }),
    // Given the request and the answer themselves (not pino's full copies of them, headers and
    // parsed query strings included, made for every line only to be narrowed down here).
    wrapSerializers: false,
    serializers: {
      request: (req: LoggedRequest & { id?: unknown }) => ({ id: req.id, method: req.method, path: pathOf(req), address: req.ip }),
      response: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    customAttributeKeys: { req: 'request', res: 'response', responseTime: 'durationMs', reqId: 'requestId' },
  };
}
