import type { MetricsService } from '@vec/core';
import type { NextFunction, Request, Response } from 'express';

/** A bounded route label: the API's own prefixes, assets, or the web app's pages. */
function routeOf(path: string): string {
  const prefix = /^\/(graphql|health|exports|audit|open-data|personal-data|assets)(\/|$)/.exec(path)?.[1];
  return prefix ? `/${prefix}` : '/ (web app)';
}

/** Times every HTTP request by method, route group and status. */
export function requestMetrics(metrics: MetricsService): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const stopTimer = metrics.httpDuration.startTimer();
    // originalUrl: routers mounted under a prefix (GraphQL) rewrite req.url on the way.
    res.once('finish', () => stopTimer({ method: req.method, route: routeOf(req.originalUrl.split('?')[0] ?? ''), status: String(res.statusCode) }));
    next();
  };
}
