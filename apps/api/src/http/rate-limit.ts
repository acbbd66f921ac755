import { countedAddress, ThrottleException, throttleWords } from '@vec/core';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * A ceiling on requests per client address and minute, kept in this process's memory: it costs
 * no database round trip on every request, and each process protects itself (behind N processes an
 * address gets at most N times the limit). Sign-in, sign-up and session renewal have stricter
 * limits shared through PostgreSQL (ThrottleService). Health checks are never limited. An IPv6
 * client is counted by its /64 network (countedAddress).
 */
export function rateLimit(perMinute: number): (req: Request, res: Response, next: NextFunction) => void {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return (req, res, next) => {
    if (perMinute === 0 || req.path.startsWith('/health/')) return next();
    limiter.consume(countedAddress(req.ip ?? 'unknown')).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const { message, messageIt } = throttleWords(new ThrottleException('ADDRESS_LIMIT', retryAfter));
        const extensions = { code: 'TOO_MANY_REQUESTS', reason: 'ADDRESS_LIMIT', retryAfter, messageIt };
        res.setHeader('retry-after', String(retryAfter));
        // GraphQL clients read errors in their usual shape; the other routes get the flat HTTP one.
        res.status(429).json(req.path === '/graphql' ? { errors: [{ message, extensions }] } : { message, ...extensions });
      },
    );
  };
}
