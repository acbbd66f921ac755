import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { staffUser } from './testing/fixtures';
import { anOfferRow, csvOf } from './testing/import-fixtures';
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
});
