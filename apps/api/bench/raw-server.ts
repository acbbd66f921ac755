import { createServer, Server } from 'node:http';
import { Pool } from 'pg';
import type { Statement } from './statement-recorder';

/**
 * The floor the API is measured against: a plain node:http server that reads the request (the
 * variables and extensions of a GET's query string, or a POST's body), sends exactly the
 * statements the API sent for that operation (same text, same parameters, in order, on a pool of
 * the same size) and answers the last result's rows as JSON.
 */
export async function startRawServer(databaseUrl: string, routes: Record<string, Statement[]>): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10, application_name: 'vicini-bench-raw' });
  const server: Server = createServer((req, res) => {
    const [path = '', search = ''] = (req.url ?? '').split('?');
    const statements = routes[path];
    if (!statements) {
      res.writeHead(404).end();
      return;
    }
    const answer = (): void => {
      void (async () => {
        let rows: unknown[] = [];
        for (const statement of statements) rows = (await pool.query(statement.text, statement.values)).rows;
        const body = JSON.stringify({ data: rows });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      })().catch((error: Error) => res.writeHead(500).end(error.message));
    };
    if (req.method === 'GET') {
      const params = new URLSearchParams(search);
      JSON.parse(params.get('variables') ?? '{}');
      JSON.parse(params.get('extensions') ?? '{}');
      answer();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString() || '{}');
      answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
