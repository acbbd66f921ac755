import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { staffUser } from './testing/fixtures';
import { anOfferRow, csvOf, upload } from './testing/import-fixtures';
import { approvedProvider } from './testing/offer-fixtures';
import { startTestApp, TestApp } from './testing/test-app';

// A database of its own: any transaction open in it while the upload waits can only be the import's.
describe('An all-or-nothing import while its upload is still arriving', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
  });
  afterAll(() => api.close());

  it('holds no transaction open until the whole file is in, then imports it in one', async () => {
    const provider = await approvedProvider(api, await staffUser(api));
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // More rows than a batch before the stall: read as it arrives, the first batch would already be written inside the transaction.
    const rows = 700;
    const file = csvOf(Array.from({ length: rows }, (_, i) => anOfferRow({ codice_esterno: `LENTO-${i + 1}` })));
    const boundary = 'vicini-lento';
    const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="offerte.csv"\r\ncontent-type: text/csv\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/imports/offers?mode=ALL_OR_NOTHING', headers: { authorization: `Bearer ${provider.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Most of the file arrives; the client then stalls before the last rows.
      let cut = 0;
      for (let line = 0; line < 601; line += 1) cut = file.indexOf('\n', cut) + 1;
      req.write(Buffer.concat([head, file.subarray(0, cut)]));
      setTimeout(() => {
        void openTransactions().then((open) => {
          stalled.push(open);
          req.end(Buffer.concat([file.subarray(cut), tail]));
        }, reject);
      }, 1500);
    });
    const stalled: number[] = [];
    const openTransactions = async (): Promise<number> => {
      const [row] = await api.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`);
      return (row as { n: number }).n;
    };

    const { status, text } = await answer;
    expect(stalled).toEqual([0]);
    expect(status).toBe(200);
    const finished = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; job?: { created: number; written: boolean } }).at(-1);
    expect(finished).toMatchObject({ type: 'finished', job: { created: rows, written: true } });
  });

  it('runs one import per account and three per process, refusing the others at once with a time to try again', async () => {
    const staff = await staffUser(api);
    const providers = await Promise.all([1, 2, 3, 4].map(() => approvedProvider(api, staff)));
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Enough rows that the file's first 64 kB (what is read to recognise a CSV) arrive before the stall.
    const file = (prefix: string): Buffer => csvOf(Array.from({ length: 300 }, (_, i) => anOfferRow({ codice_esterno: `${prefix}-${i + 1}` })));
    const boundary = 'vicini-tenuto';
    /** An import whose upload has begun (the job started) and whose end the test sends when it chooses. */
    const held = (accessToken: string, prefix: string): Promise<{ finish: () => Promise<string> }> =>
      new Promise((resolve, reject) => {
        const whole = file(prefix);
        let cut = 0;
        for (let line = 0; line < 251; line += 1) cut = whole.indexOf('\n', cut) + 1;
        let text = '';
        let ended: (text: string) => void = () => undefined;
        const done = new Promise<string>((resolveEnd) => (ended = resolveEnd));
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path: '/imports/offers?mode=ROW_BY_ROW', headers: { authorization: `Bearer ${accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` } },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
              if (text.includes('"started"')) resolve({ finish: () => (req.end(Buffer.concat([whole.subarray(cut), Buffer.from(`\r\n--${boundary}--\r\n`)])), done) });
            });
            res.on('end', () => ended(text));
          },
        );
        req.on('error', reject);
        req.write(Buffer.concat([Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="offerte.csv"\r\ncontent-type: text/csv\r\n\r\n`), whole.subarray(0, cut)]));
      });

    const first = await held(providers[0].accessToken, 'TENUTO-A');
    const again = await upload(api, providers[0].accessToken, file('TENUTO-A2'), 'DRY_RUN');
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ALREADY_RUNNING', messageIt: expect.stringMatching(/^Una tua importazione è ancora in corso/) });

    const others = [await held(providers[1].accessToken, 'TENUTO-B'), await held(providers[2].accessToken, 'TENUTO-C')];
    const busy = await api.http().post('/imports/offers?mode=DRY_RUN').set('authorization', `Bearer ${providers[3].accessToken}`).attach('file', file('TENUTO-D'), 'offerte.csv');
    expect(busy.status).toBe(429);
    expect(busy.headers['retry-after']).toBe('30');
    expect(busy.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'BUSY', retryAfter: 30, messageIt: 'Altre importazioni sono in corso proprio ora: riprova tra 30 secondi' });

    // One ends: the next account's import runs, and so does the first account's next one.
    expect(await first.finish()).toContain('"finished"');
    expect((await upload(api, providers[3].accessToken, file('TENUTO-D'), 'ROW_BY_ROW')).job).toMatchObject({ status: 'DONE', created: 300 });
    expect((await upload(api, providers[0].accessToken, file('TENUTO-A2'), 'DRY_RUN')).status).toBe(200);
    for (const other of others) expect(await other.finish()).toContain('"finished"');
  });
});
