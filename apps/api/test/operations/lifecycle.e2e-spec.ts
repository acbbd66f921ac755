import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShutdownState } from '../../src/health/shutdown-state';
import { ComuneSearchDocument, RegionsDocument } from '../gql/generated';
import { API_MAIN, freePort, graphqlBody, jsonLines, spawnBuilt, waitUntilReady } from '../testing/spawned-api';
import { startTestApp } from '../testing/test-app';

/** A GraphQL request over an existing keep-alive connection: its status, or the socket error. */
function post(port: number, agent: Agent, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(body);
  });
}

describe('A clean stop: readiness first, then the requests in flight, the jobs, the pool, the embedded PostgreSQL last', () => {
  it('answers every request that arrived before SIGTERM, logs no error, stops the embedded PostgreSQL and exits 0', async () => {
    const port = await freePort();
    // Not made here: when run as root, PostgreSQL runs as its own user, who must own the folder.
    const dataDir = join(tmpdir(), `vicini-stop-${randomUUID()}`);
    const api = spawnBuilt(API_MAIN, {
      NODE_ENV: 'development',
      DATABASE_URL: undefined,
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(port),
      SEED_DEMO: 'false',
      RUN_WORKER: 'true',
      WORKER_POLL_SECONDS: '0.5',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'log',
    });
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
    // Forty open keep-alive connections, then one request on each, then the signal while they are served.
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    await Promise.all(Array.from({ length: 40 }, () => post(port, agent, graphqlBody(RegionsDocument))));
    const burst = Array.from({ length: 40 }, (_, i) => post(port, agent, graphqlBody(ComuneSearchDocument, { search: 'abcdefgilmnoprstuvz'[i % 19], first: 100 })));
    await new Promise((resolve) => setTimeout(resolve, 30));
    api.process.kill('SIGTERM');
    const statuses = await Promise.all(burst);
    // A request after the signal finds the door closed (it never reached the platform): refused, not failed.
    const late = await post(port, new Agent({ keepAlive: false }), graphqlBody(RegionsDocument));
    const code = await api.exited;
    agent.destroy();

    expect(statuses).toEqual(Array(40).fill(200));
    expect(late).toBe('ECONNREFUSED');
    expect(code).toBe(0);
    const lines = jsonLines(api.output());
    expect(lines.filter((line) => Number(line.level) >= 50).map((line) => line.msg)).toEqual([]);
    expect(api.output()).not.toMatch(/ERROR|Error:/);
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^SIGTERM received/), 'Stopped']));
    // The embedded server stopped with the platform: its lock is gone, the folder is free for the next start.
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 180_000);

  it('turns readiness to 503 as soon as the instance starts stopping, while liveness stays 200', async () => {
    const api = await startTestApp();
    try {
      expect((await api.http().get('/health/ready')).status).toBe(200);
      api.app.get(ShutdownState).begin();
      const ready = await api.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'shutting_down' });
      expect((await api.http().get('/health/live')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
