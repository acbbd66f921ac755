import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { accessLogOptions, MetricsService, ROOT_LOGGER, type Environment } from '@vec/core';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import { ShutdownState } from '../health/shutdown-state';
import { bodyErrorHandler } from './body-errors';
import { queryHygiene } from './query-hygiene';
import { rateLimit } from './rate-limit';
import { requestMetrics } from './request-metrics';
import { securityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

/** Express `trust proxy` from TRUST_PROXY: a boolean, a hop count, or a list of addresses. */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

/**
 * In production without TRUST_PROXY, a request that came through a proxy (it carries
 * X-Forwarded-For) means every client counts as that proxy's address: one client's wrong passwords
 * lock an account for everyone, and the per-address limits become limits for all. Said once per
 * process, naming the variable.
 */
function untrustedProxyWarning(logger: Logger): (req: Request, res: Response, next: NextFunction) => void {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      logger.warn(
        `Requests arrive through a proxy (X-Forwarded-For from ${req.socket.remoteAddress ?? 'an unknown address'}) but TRUST_PROXY is false: every client counts as the proxy, so throttling and the sign-in lockout treat all clients as one. Set TRUST_PROXY to the proxy's address or hop count.`,
      );
    }
    next();
  };
}

/**
 * The HTTP edge, the same for `npm start`, production and every test that boots the API: it must
 * run before `init()`/`listen()`, so that its middleware comes before Nest's routes and parsers.
 */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  const production = config.get('NODE_ENV', { infer: true }) === 'production';
  // First of all: one access line per request, refusals by the middleware below included; the
  // request's logger it makes is the one every line logged while answering carries.
  app.use(pinoHttp({ logger: app.get<Logger>(ROOT_LOGGER), ...accessLogOptions() }));
  app.use(requestMetrics(app.get(MetricsService)));
  app.disable('x-powered-by');
  // While the instance drains, every answer closes its connection, so keep-alive clients move on.
  const shutdown = app.get(ShutdownState);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (shutdown.draining) res.setHeader('connection', 'close');
    next();
  });
  const trustProxy = trustProxySetting(config.get('TRUST_PROXY', { infer: true }));
  app.set('trust proxy', trustProxy);
  if (production && trustProxy === false) app.use(untrustedProxyWarning(app.get<Logger>(ROOT_LOGGER)));
  app.use(helmet(securityHeaders(production)));
  // Nothing is kept by browsers or shared caches unless its handler says so (the web app's files,
  // public GraphQL answers, open data): downloads of personal data above all.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  app.use(rateLimit(config.get('RATE_LIMIT_PER_MINUTE', { infer: true })));
  // A client that accepts no compressed encoding gets the answer as it is (what compression would
  // decide too): skip its per-request negotiation, keeping the Vary that caches key answers by.
  const compress = compression();
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.headers['accept-encoding']) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  });
  // Only GraphQL (the session's refresh token) and sign-in through an identity provider (the pending sign-in) read cookies.
  app.use(['/graphql', '/auth/oidc'], cookieParser());
  // Registered here, the JSON parser replaces Nest's own; its errors get JSON answers right after.
  app.useBodyParser('json', { limit: `${config.get('HTTP_BODY_LIMIT_KB', { infer: true })}kb` });
  app.use(bodyErrorHandler);
  app.use(['/exports', '/audit', '/open-data', '/personal-data', '/imports'], queryHygiene);
  serveWebApp(app, production);
}
