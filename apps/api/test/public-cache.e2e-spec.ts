import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createHash } from 'node:crypto';
import { ComuneCodesDocument, ComuneSearchDocument, type ComuneSearchQuery, PublicFiguresAndCategoriesDocument, RegionsAndMeDocument, RegionsDocument, SelectionCallsDocument } from './gql/generated';
import { signUp, staffUser } from './testing/fixtures';
import { type GraphQLHttpResponse, type GraphQLResponse, startTestApp, TestApp } from './testing/test-app';

const persisted = (query: string) => ({ version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') });

describe('Public reads are cacheable: GET, persisted queries and Cache-Control', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** A GraphQL GET of these parameters, with the header Apollo's CSRF protection asks of GETs. */
  const get = async <R>(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLHttpResponse<R>> => {
    const response = await api
      .http()
      .get('/graphql')
      .query(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])))
      .set({ 'apollo-require-preflight': 'true', ...headers });
    return { status: response.status, headers: response.headers, body: response.body as GraphQLResponse<R> };
  };
  /** A typed document asked by GET, its text in the address. */
  const getDocument = <R, V>(document: TypedDocumentNode<R, V>, variables?: V, headers: Record<string, string> = {}): Promise<GraphQLHttpResponse<R>> =>
    get<R>(variables === undefined ? { query: print(document) } : { query: print(document), variables }, headers);

  it('lets browsers and CDNs keep public answers asked by GET without credentials', async () => {
    const response = await getDocument(RegionsDocument);
    expect(response.status).toBe(200);
    expect(response.body.data?.regions).toHaveLength(20);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const figures = await getDocument(PublicFiguresAndCategoriesDocument);
    expect(figures.headers['cache-control']).toBe('public, max-age=60');
    const calls = await getDocument(SelectionCallsDocument, { filter: {} });
    expect([calls.body.errors, calls.headers['cache-control']]).toEqual([undefined, 'public, max-age=60']);
  });

  it('keeps nothing asked by POST, with credentials, with errors, or mixing private fields', async () => {
    expect((await api.gqlHttp(RegionsDocument, undefined)).headers['cache-control']).toBe('no-store');
    const shop = await signUp(api, 'SHOP');
    const asShop = { authorization: `Bearer ${shop.accessToken}` };
    expect((await getDocument(RegionsDocument, undefined, asShop)).headers['cache-control']).toBe('no-store');
    const refused = await getDocument(ComuneCodesDocument, { search: '' });
    expect(refused.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await getDocument(RegionsAndMeDocument, undefined, asShop)).headers['cache-control']).toBe('no-store');
  });

  it('answers a persisted query by its hash alone once it is known', async () => {
    const query = print(ComuneSearchDocument);
    const variables = { search: 'agliè', first: 3 };
    const unknown = await get({ variables, extensions: { persistedQuery: persisted(query) } });
    expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await api.http().post('/graphql').send({ query, variables, extensions: { persistedQuery: persisted(query) } });
    const known = await get<ComuneSearchQuery>({ variables, extensions: { persistedQuery: persisted(query) } });
    expect(known.body.data?.comuni[0]).toMatchObject({ code: '001001', name: 'Agliè' });
    expect(known.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('refuses a persisted query whose hash does not match its text, or of another version, as the client’s mistake', async () => {
    const query = print(RegionsDocument);
    const answers = [
      await api.http().post('/graphql').send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
      await api.http().post('/graphql').send({ query, extensions: { persistedQuery: { ...persisted(query), version: 2 } } }),
      await get({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ message: expect.stringMatching(/provided sha does not match query|Unsupported persisted query version/), extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }]);
    }
  });

  it('refuses a GET without the header that proves it is not a cross-site request', async () => {
    const response = await api.http().get('/graphql').query({ query: print(RegionsDocument) });
    expect(response.status).toBe(400);
  });

  it('keeps no download of an account: exports, the audit trail, the health check', async () => {
    const staff = await staffUser(api);
    for (const path of ['/exports/shops.csv', '/exports/breakdown-region.csv', '/audit/events.csv', '/exports', '/health']) {
      const response = await api.http().get(path).set('authorization', `Bearer ${staff.accessToken}`);
      expect([path, response.headers['cache-control']]).toEqual([path, 'no-store']);
    }
  });

  it('lets the open data be kept for a minute', async () => {
    expect((await api.http().get('/open-data/aggregates.json')).headers['cache-control']).toBe('public, max-age=60');
  });

  it.each(['/open-data/aggregates.json', '/open-data/aggregates.csv'])('lets any site read %s from the browser, without credentials', async (path) => {
    const response = await api.http().get(path).set('origin', 'https://www.regione.example.it');
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('keeps the rest of the platform to its own origin', async () => {
    const response = await api.http().get('/health/live').set('origin', 'https://www.regione.example.it');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});
