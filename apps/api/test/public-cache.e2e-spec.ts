import { createHash } from 'node:crypto';
import { signUp } from './testing/fixtures';
import { startTestApp, TestApp } from './testing/test-app';

const REGIONS = '{ regions { code name } }';
const persisted = (query: string) => ({ version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') });

describe('Public reads are cacheable: GET, persisted queries and Cache-Control', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** A GraphQL GET, with the header Apollo's CSRF protection asks of GETs. */
  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api
      .http()
      .get('/graphql')
      .query(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])))
      .set({ 'apollo-require-preflight': 'true', ...headers });

  it('lets browsers and CDNs keep public answers asked by GET without credentials', async () => {
    const response = await get({ query: REGIONS });
    expect(response.status).toBe(200);
    expect(response.body.data.regions).toHaveLength(20);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const figures = await get({ query: '{ publicFigures { shops } serviceCategories { code } }' });
    expect(figures.headers['cache-control']).toBe('public, max-age=60');
  });

  it('keeps nothing asked by POST, with credentials, with errors, or mixing private fields', async () => {
    expect((await api.http().post('/graphql').send({ query: REGIONS })).headers['cache-control']).toBe('no-store');
    const shop = await signUp(api, 'SHOP');
    expect((await get({ query: REGIONS }, { authorization: `Bearer ${shop.accessToken}` })).headers['cache-control']).toBe('no-store');
    expect((await get({ query: '{ comuni(search: "") { code } }' })).headers['cache-control']).toBe('no-store');
    expect((await get({ query: '{ regions { code } me { id } }' }, { authorization: `Bearer ${shop.accessToken}` })).headers['cache-control']).toBe('no-store');
  });

  it('answers a persisted query by its hash alone once it is known', async () => {
    const query = '{ comuni(search: "agliè", first: 3) { code name } }';
    const unknown = await get({ extensions: { persistedQuery: persisted(query) } });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await api.http().post('/graphql').send({ query, extensions: { persistedQuery: persisted(query) } });
    const known = await get({ extensions: { persistedQuery: persisted(query) } });
    expect(known.body.data.comuni[0]).toEqual({ code: '001001', name: 'Agliè' });
    expect(known.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('refuses a GET without the header that proves it is not a cross-site request', async () => {
    const response = await api.http().get('/graphql').query({ query: REGIONS });
    expect(response.status).toBe(400);
  });

  it('lets the open data be kept for a minute', async () => {
    expect((await api.http().get('/open-data/aggregates.json')).headers['cache-control']).toBe('public, max-age=60');
  });
});
