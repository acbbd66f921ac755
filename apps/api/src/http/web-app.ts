import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

/** Paths the API answers itself: never the web app's index.html. */
export const API_PATHS = ['/graphql', '/health', '/exports', '/audit', '/open-data', '/personal-data', '/imports', '/metrics', '/auth/oidc'];

const isApiPath = (path: string): boolean => API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * The built web app (`vite build` writes dist/web): beside the compiled API in production
 * (dist/apps/api/src/http → dist/web), under the repository's dist/ when run from source (tests).
 */
export function webAppRoot(): string | undefined {
  const candidates = [join(__dirname, '..', '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

const YEAR_SECONDS = 31_536_000;

/**
 * Serves the web app at `/`: the brotli or gzip file written at build time when the browser takes
 * it, hashed assets cached for a year as immutable, index.html revalidated on every visit (so a
 * deployment reaches everyone at once), and index.html for every other page path (client routes).
 * Source maps stay on the server in production.
 */
export function serveWebApp(app: NestExpressApplication, production: boolean): void {
  const root = webAppRoot();
  if (!root) return;
  const assets = join(root, 'assets', '/');
  if (production) {
    app.use((req: Request, res: Response, next: NextFunction) => (req.path.endsWith('.map') ? res.status(404).end() : next()));
  }
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: true,
      // Vite names every file under assets/ by its content hash.
      setHeaders: (res: ServerResponse, path: string) =>
        res.setHeader('cache-control', path.startsWith(assets) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache'),
    },
  });
  // Files are only ever read: API calls go straight on.
  const isPageRequest = (req: Request): boolean => (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.path);
  app.use((req: Request, res: Response, next: NextFunction) => (isPageRequest(req) ? files(req, res, next) : next()));
  const index = join(root, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isPageRequest(req)) return next();
    // A missing asset is a 404, not the page: a browser would otherwise parse HTML as a script.
    if (req.path.startsWith('/assets/')) return res.status(404).end();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
