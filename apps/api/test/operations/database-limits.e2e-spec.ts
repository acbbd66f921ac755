import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { RequestContext, TransactionalConnection } from '@vec/core';
import { ComuneCodesDocument, MyShopDocument, RegisterShopDocument } from '../gql/generated';
import { aShopInput, signUp } from '../testing/fixtures';
import { dataOf, member, startTestApp, type TestApp } from '../testing/test-app';

/**
 * A database that does not answer in time (a lock held too long, every connection taken) stops
 * the request with SERVICE_UNAVAILABLE and a Retry-After, changes nothing, and the next request
 * works. Each app runs on a database of its own: the tests hold table locks.
 */
describe('Database time limits', () => {
  /** A second connection, outside the app, holding a table lock until `release`. */
  async function lockTable(url: string, table: string): Promise<{ release: () => Promise<void> }> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return {
      release: async () => {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }

  describe('a statement over DATABASE_STATEMENT_TIMEOUT_SECONDS', () => {
    let api: TestApp;
    let url: string;

    beforeAll(async () => {
      api = await startTestApp({ ownDatabase: true, env: { DATABASE_STATEMENT_TIMEOUT_SECONDS: '1' } });
      url = (api.app.get(TransactionalConnection).dataSource.options as { url: string }).url;
    });
    afterAll(() => api.close());

    it('stops a query waiting on a lock, says so in both languages, and answers again once the lock is gone', async () => {
      const lock = await lockTable(url, 'comune');
      const started = Date.now();
      const answer = await api.gqlHttp(ComuneCodesDocument, { search: 'Roma', first: 5 });
      const waited = Date.now() - started;
      await lock.release();

      expect(waited).toBeLessThan(5000);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^The platform is too busy to answer now: the request was stopped and nothing was changed/),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5, messageIt: expect.stringMatching(/^La piattaforma è troppo occupata/) },
      });
      expect(dataOf(await api.gql(ComuneCodesDocument, { search: 'Roma', first: 5 })).comuni.length).toBeGreaterThan(0);
    });

    it('rolls back a change it stopped: nothing is half-written, and the same change succeeds afterwards', async () => {
      const owner = await signUp(api, 'SHOP');
      const input = aShopInput();
      const lock = await lockTable(url, 'shop');
      const refused = await api.gqlAs(owner.accessToken, RegisterShopDocument, { input });
      await lock.release();

      expect(refused.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(dataOf(await api.gqlAs(owner.accessToken, MyShopDocument)).myShop).toBeNull();
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        const count = async (): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM shop WHERE owner_user_id = $1', [owner.userId])).rows[0].n;
        expect(await count()).toBe(0);
        const registered = member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input })).registerShop, 'Shop');
        expect(registered.partitaIva).toBe(input.partitaIva);
        expect(await count()).toBe(1);
      } finally {
        await db.end();
      }
    });

    it('answers an HTTP route 503 with Retry-After, in JSON, not a file', async () => {
      const lock = await lockTable(url, 'monitoring_snapshot');
      const response = await api.http().get('/open-data/aggregates.csv');
      await lock.release();

      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5, messageIt: expect.stringMatching(/^La piattaforma/) });
      expect(response.body).not.toHaveProperty('http');
    });

    it('holds a request’s transaction to the limit, but not a job’s', async () => {
      const connection = api.app.get(TransactionalConnection);
      const sleep = (ctx: RequestContext): Promise<unknown> => connection.withTransaction(ctx, (tx) => connection.manager(tx).query('SELECT pg_sleep(1.3)'));

      const refused = sleep(new RequestContext('test-request', new Date()));
      await expect(refused).rejects.toBeInstanceOf(QueryFailedError);
      await expect(refused).rejects.toMatchObject({ driverError: { code: '57014' } });
      await expect(sleep(RequestContext.system())).resolves.toBeDefined();
      // The job's lifted limit was its transaction's only: every connection of the pool, the one it used included, is back at 1 s.
      const limits = await Promise.all(
        Array.from({ length: 10 }, () =>
          connection.dataSource.transaction(async (manager) => {
            const [{ statement_timeout: limit }] = await manager.query('SHOW statement_timeout');
            await manager.query('SELECT pg_sleep(0.2)'); // holds its connection, so that the ten are ten different ones
            return limit as string;
          }),
        ),
      );
      expect(limits).toEqual(Array(10).fill('1s'));
    });
  });

  describe('no free connection within DATABASE_POOL_WAIT_SECONDS', () => {
    let api: TestApp;
    let url: string;

    beforeAll(async () => {
      api = await startTestApp({ ownDatabase: true, env: { DATABASE_STATEMENT_TIMEOUT_SECONDS: '0', DATABASE_POOL_WAIT_SECONDS: '1' } });
      url = (api.app.get(TransactionalConnection).dataSource.options as { url: string }).url;
    });
    afterAll(() => api.close());

    it('tells the requests that found every connection taken, and serves them all once the database answers', async () => {
      const lock = await lockTable(url, 'comune');
      // Ten connections per process: the first ten requests wait on the lock, the others for a connection.
      const requests = Array.from({ length: 14 }, () => api.gqlHttp(ComuneCodesDocument, { search: 'Roma', first: 5 }));
      const settled = await Promise.race([Promise.all(requests.slice(10)), new Promise<null>((resolve) => setTimeout(() => resolve(null), 8000))]);
      await lock.release();
      const answers = await Promise.all(requests);

      expect(settled).not.toBeNull();
      const busy = answers.filter((answer) => answer.body.errors?.[0]?.extensions.code === 'SERVICE_UNAVAILABLE');
      expect(busy.length).toBeGreaterThanOrEqual(4);
      expect(busy.every((answer) => answer.headers['retry-after'] === '5')).toBe(true);
      expect(answers.length - busy.length).toBeGreaterThan(0);
      expect(answers.filter((answer) => !busy.includes(answer)).every((answer) => answer.body.data?.comuni.length)).toBe(true);
      expect(dataOf(await api.gql(ComuneCodesDocument, { search: 'Roma', first: 5 })).comuni.length).toBeGreaterThan(0);
    });
  });
});
