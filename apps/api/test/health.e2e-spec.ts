import { TypeOrmHealthIndicator } from '@nestjs/terminus';
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

  it('answers a flood of readiness checks with one database ping a second, not one each', async () => {
    const ping = jest.spyOn(TypeOrmHealthIndicator.prototype, 'pingCheck');
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => api.http().get('/health/ready')));
      expect(answers.map((answer) => answer.status)).toEqual(new Array(50).fill(200));
      // The 50 land within a second or two: a ping each second at most.
      expect(ping.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      ping.mockRestore();
    }
  });

  it('echoes a well-formed request id and stamps errors with it', async () => {
    const response = await api.gqlHttp(ComuneByCodeDocument, { code: 'x' }, { 'x-request-id': 'test-request-0001' });
    expect(response.headers['x-request-id']).toBe('test-request-0001');
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'test-request-0001' });
  });
});
