import { ComuneByCodeDocument } from './gql/generated';
import { startTestApp, TestApp } from './testing/test-app';

describe('Health endpoints', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports liveness', async () => {
    const response = await api.http().get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('reports readiness after pinging the database', async () => {
    const response = await api.http().get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('echoes a well-formed request id and stamps errors with it', async () => {
    const response = await api.gqlHttp(ComuneByCodeDocument, { code: 'x' }, { 'x-request-id': 'test-request-0001' });
    expect(response.headers['x-request-id']).toBe('test-request-0001');
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'test-request-0001' });
  });
});
