import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { webAppRoot } from '../../src/http/web-app';
import { RegionsAndProvincesDocument, TypenameDocument } from '../gql/generated';
import { startTestApp, TestApp } from '../testing/test-app';

/** The built web app's files: the e2e tier runs after `npm run build` (`npm test` does both). */
function builtAssets(): { script: string; map: string } {
  const root = webAppRoot();
  if (!root) throw new Error('dist/web is missing: build the web app first (`npm run web:build`)');
  const files = readdirSync(join(root, 'assets'));
  const script = files.find((file) => /^index-.*\.js$/.test(file));
  const map = files.find((file) => file.endsWith('.js.map'));
  if (!script || !map) throw new Error(`dist/web/assets has no entry script or source map: ${files.join(', ')}`);
  return { script: `/assets/${script}`, map: `/assets/${map}` };
}

const STRONG_SECRET = 'Vq3s9Kp2xZ7mW4tB8nR1cF6hJ0yL5dG-aE_uO2iT9rS3wQ7';

describe('HTTP edge: headers, caching, compression and body errors', () => {
  let api: TestApp;
  let production: TestApp;
  const assets = builtAssets();
  beforeAll(async () => {
    api = await startTestApp();
    production = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'noreply@vicini.example', APP_URL: 'https://vicini.example' } });
  });
  afterAll(async () => {
    await api.close();
    await production.close();
  });

  it.each(['/', '/negozio/richieste', '__asset__', '/graphql'])('sends the security headers on %s', async (path) => {
    const target = path === '__asset__' ? assets.script : path;
    const response = path === '/graphql' ? await api.gqlHttp(TypenameDocument, undefined) : await api.http().get(target);
    expect(response.status).toBe(200);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
    // HSTS only in production: development runs on plain HTTP.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS and upgrades insecure requests in production', async () => {
    const response = await production.http().get('/');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('serves the brotli file written at build time, cached for a year', async () => {
    const response = await api.http().get(assets.script).set('accept-encoding', 'gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The bytes sent: the client decodes them, but the header tells what crossed the network.
    expect(Number(response.headers['content-length'])).toBeLessThan(Number((await api.http().get(assets.script).set('accept-encoding', 'identity')).headers['content-length']) / 3);
  });

  it('serves gzip to a browser without brotli, and index.html revalidated on every visit', async () => {
    const gzip = await api.http().get(assets.script).set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const page = await api.http().get('/offerte');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404 instead of the page', async () => {
    expect((await api.http().get('/assets/missing-0000.js')).status).toBe(404);
  });

  it('keeps source maps on the server in production', async () => {
    expect((await api.http().get(assets.map)).status).toBe(200);
    expect((await production.http().get(assets.map)).status).toBe(404);
  });

  it('compresses large API answers', async () => {
    const response = await api.gqlHttp(RegionsAndProvincesDocument, {}, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  // The malformed and oversized bodies below are raw on purpose: no document could produce them.
  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await api.http().post('/graphql').set('content-type', 'application/json').send('{"query": "{ regions { code } "');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a body over the limit with 413 and a JSON error', async () => {
    const response = await api
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` }));
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(response.body.errors[0].message).toBe('The request body is larger than 100 kB');
  });
});
