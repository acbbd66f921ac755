import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { randomUUID } from 'node:crypto';
import { ComuneCodesDocument, MeDocument, type MeQuery, RegionsDocument, RegisterDocument, type RegisterMutation } from '../gql/generated';
import { API_MAIN, freePort, graphqlBody, jsonLines, Spawned, spawnBuilt, waitUntilReady } from '../testing/spawned-api';
import { dataOf, type GraphQLResponse, member } from '../testing/test-app';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

describe('What the platform says about itself: an access line per request, Prometheus metrics', () => {
  let api: Spawned;
  let base: string;
  let metricsUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    // On the test run's database, already migrated: no demo, no worker.
    api = spawnBuilt(API_MAIN, {
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN,
      MIGRATIONS_RUN: 'false',
      SEED_DEMO: 'false',
      RUN_WORKER: 'false',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'log',
    });
    await waitUntilReady(`${base}/health/ready`, api);
  });
  afterAll(async () => {
    api.process.kill('SIGTERM');
    await api.exited;
  });

  const graphql = (body: string, headers: Record<string, string> = {}) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const scrape = async (): Promise<string> => (await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const sample = (metrics: string, line: string): number => Number(metrics.split('\n').find((l) => l.startsWith(`${line} `))?.split(' ')[1] ?? 0);

  it('writes one JSON access line per request, with the caller’s request id and address, the operation, status, duration and user id — and no e-mail', async () => {
    const email = `accesso-${randomUUID()}@example.it`;
    const registered = await graphql(graphqlBody(RegisterDocument, { input: { email, password: 'una-password-lunga-abbastanza', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } }));
    const { accessToken, user } = member(dataOf((await registered.json()) as GraphQLResponse<RegisterMutation>).register, 'AuthPayload');
    const requestId = `trace-${randomUUID()}`;
    // A document the schema refuses (no field \`nope\`), raw on purpose: its line has no operation name.
    const answer = await graphql(JSON.stringify({ query: 'query WhoAmI { me { id } myShop { id } nope }' }), { authorization: `Bearer ${accessToken}`, 'x-request-id': requestId });
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const mine = await graphql(graphqlBody(MeDocument), { authorization: `Bearer ${accessToken}`, 'x-request-id': requestId });
    expect(((await mine.json()) as GraphQLResponse<MeQuery>).data?.me.id).toBe(user.id);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lines = jsonLines(api.output()).filter((line) => line.requestId === requestId);
    expect(lines.map((line) => ({ msg: line.msg, operation: line.operation, userId: line.userId, status: (line.response as { status: number }).status }))).toEqual([
      { msg: expect.stringMatching(/^POST \/graphql 400 \d+ ms$/), operation: undefined, userId: undefined, status: 400 },
      { msg: expect.stringMatching(/^POST \/graphql 200 \d+ ms$/), operation: 'Me', userId: user.id, status: 200 },
    ]);
    // The client's address, as throttles count by it (no proxy believed here: the socket's).
    expect(lines[1]).toMatchObject({ request: { id: requestId, method: 'POST', path: '/graphql', address: expect.stringMatching(/127\.0\.0\.1$/) }, durationMs: expect.any(Number), level: 30 });
    expect(api.output()).not.toContain(email);
    expect(api.output()).not.toContain(accessToken);
  });

  it('logs the invitation and claim pages of links sent before their secret moved to the fragment without that secret', async () => {
    const id = randomUUID();
    const secret = 'Segreto_del_link-0123456789abcdefghijklmnopqr';
    const requestId = `trace-${randomUUID()}`;
    for (const page of ['rivendica', 'delega']) await fetch(`${base}/${page}/${id}.${secret}?x=1`, { headers: { 'x-request-id': requestId } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const paths = jsonLines(api.output()).filter((line) => line.requestId === requestId).map((line) => (line.request as { path: string }).path);
    expect(paths).toEqual([`/rivendica/${id}.[secret]`, `/delega/${id}.[secret]`]);
    expect(api.output()).not.toContain(secret);
  });

  it('serves Prometheus metrics on their own port, behind the token, and they move with the traffic', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) await graphql(graphqlBody(RegionsDocument));
    await graphql(graphqlBody(ComuneCodesDocument, { search: '' }));
    const after = await scrape();
    for (const name of ['http_request_duration_seconds', 'graphql_operation_duration_seconds', 'graphql_errors_total', 'db_pool_connections', 'job_queue_depth', 'job_duration_seconds', 'allocation_run_duration_seconds', 'vicini_matches', 'vicini_offers', 'process_cpu_seconds_total']) {
      expect([name, after.includes(`# TYPE ${name} `)]).toEqual([name, true]);
    }
    const regions = 'graphql_operation_duration_seconds_count{operation="regions",kind="query"}';
    expect(sample(after, regions) - sample(before, regions)).toBe(3);
    // Operations are counted by the root field they ask, not by the name a client gives them: junk names add no labels.
    for (let i = 0; i < 3; i += 1) await graphql(JSON.stringify({ query: `query Junk${i} { regions { code } }` }));
    const junk = await scrape();
    expect(junk).not.toContain('operation="Junk');
    expect(sample(junk, regions) - sample(after, regions)).toBe(3);
    const badInput = 'graphql_errors_total{code="BAD_USER_INPUT"}';
    expect(sample(after, badInput) - sample(before, badInput)).toBe(1);
    const http = 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}';
    expect(sample(after, http) - sample(before, http)).toBeGreaterThanOrEqual(4);
  });

  it('warns, in production, when the metrics are open to anyone who reaches their port, and once when requests come through a proxy TRUST_PROXY does not name', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const production = spawnBuilt(API_MAIN, {
      NODE_ENV: 'production',
      JWT_SECRET: 'kH3x9Qm2ZpV7wL1tR8sD4fG6jN0bC5yA-uE_iO2oP9lK3mJ7',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'noreply@vicini.example',
      APP_URL: 'https://vicini.example',
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      METRICS_HOST: '0.0.0.0',
      METRICS_TOKEN: undefined,
      MIGRATIONS_RUN: 'false',
      SEED_DEMO: 'false',
      RUN_WORKER: 'false',
      LOG_FORMAT: 'json',
    });
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, production);
      // Two requests through a proxy that TRUST_PROXY does not name: said once.
      for (const client of ['203.0.113.5', '203.0.113.6']) await fetch(`http://127.0.0.1:${port}/health/live`, { headers: { 'x-forwarded-for': client } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const warnings = jsonLines(production.output()).filter((line) => line.level === 40).map((line) => String(line.msg)); // pino's warn
      expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('Metrics are open to anyone who can reach 0.0.0.0')]));
      expect(warnings.filter((warning) => warning.includes('TRUST_PROXY is false'))).toEqual([
        expect.stringContaining("every client counts as the proxy, so throttling and the sign-in lockout treat all clients as one. Set TRUST_PROXY to the proxy's address or hop count."),
      ]);
    } finally {
      production.process.kill('SIGTERM');
      await production.exited;
    }
  }, 120_000);
});
