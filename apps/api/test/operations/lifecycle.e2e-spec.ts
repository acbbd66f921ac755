import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShutdownState } from '../../src/health/shutdown-state';
import { ComuneSearchDocument, RegionsDocument } from '../gql/generated';
import { API_MAIN, freePort, graphqlBody, jsonLines, type Spawned, spawnBuilt, waitUntilReady } from '../testing/spawned-api';
import { startTestApp } from '../testing/test-app';

/**
 * A GraphQL request over an existing keep-alive connection: its status, with the code of its first
 * GraphQL error if it has one (a database lost mid-request still answers 200), or the socket error.
 */
function post(port: number, agent: Agent, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        const errors = text.startsWith('{') ? (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors : undefined;
        resolve(errors ? `${res.statusCode} ${errors[0]?.extensions?.code}` : (res.statusCode ?? 0));
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(body);
  });
}

/** The keep-alive connections an agent still holds open (busy or idle). */
function openSockets(agent: Agent): number {
  const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>): number => Object.values(sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  return count(agent.sockets) + count(agent.freeSockets);
}

/** Every API started here, stopped after each test should an assertion have failed before it stopped, and its data folder. */
const started: { api: Spawned; dataDir: string }[] = [];

/** The built API on an embedded PostgreSQL of its own, in a new data folder, as `npm start` runs it. */
async function embeddedApi(options: { ownProcessGroup?: boolean } = {}, dataDir = join(tmpdir(), `vicini-stop-${randomUUID()}`)): Promise<{ api: Spawned; port: number; dataDir: string }> {
  const port = await freePort();
  // The folder is not made here: when run as root, PostgreSQL runs as its own user, who must own it.
  const api = spawnBuilt(
    API_MAIN,
    {
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
    },
    undefined,
    options,
  );
  started.push({ api, dataDir });
  return { api, port, dataDir };
}

/** The process group and session of a live process (Linux /proc: the fields after the command name). */
function groupOf(pid: number): { pgid: number; sid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgid: Number(fields[2]), sid: Number(fields[3]) };
}

/** Whether a process still runs (a zombie left to an init that does not reap counts as ended). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('A clean stop: readiness first, then the requests in flight, the jobs, the pool, the embedded PostgreSQL last', () => {
  afterEach(async () => {
    for (const { api, dataDir } of started.splice(0)) {
      if (api.process.exitCode === null && api.process.signalCode === null) {
        api.process.kill('SIGTERM');
        await api.exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers every request that arrived before SIGTERM, logs no error, stops the embedded PostgreSQL and exits 0', async () => {
    const { api, port, dataDir } = await embeddedApi();
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
    // Forty open keep-alive connections, then one request on each, then the signal while they are served.
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    await Promise.all(Array.from({ length: 40 }, () => post(port, agent, graphqlBody(RegionsDocument))));
    const burst = Array.from({ length: 40 }, (_, i) => post(port, agent, graphqlBody(ComuneSearchDocument, { search: 'abcdefgilmnoprstuvz'[i % 19], first: 100 })));
    await new Promise((resolve) => setTimeout(resolve, 30));
    api.process.kill('SIGTERM');
    const statuses = await Promise.all(burst);
    // The platform closes each keep-alive connection once it has answered, instead of leaving it
    // open until its keep-alive timeout (5 s) and stopping only then.
    const answered = Date.now();
    while (openSockets(agent) > 0 && Date.now() - answered < 2_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openSockets(agent)).toBe(0);
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

  it('on Ctrl-C in a terminal (SIGINT to the whole process group, repeated as `npm start` forwards it) still answers the requests in flight, then stops the embedded PostgreSQL last', async () => {
    const { api, port, dataDir } = await embeddedApi({ ownProcessGroup: true });
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
    const pid = api.process.pid ?? 0;
    const postgres = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // The embedded server is out of the terminal's reach: a session and process group of its own.
    expect(groupOf(pid)).toEqual({ pgid: pid, sid: pid });
    expect(groupOf(postgres)).toEqual({ pgid: postgres, sid: postgres });

    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    await Promise.all(Array.from({ length: 40 }, () => post(port, agent, graphqlBody(RegionsDocument))));
    const burst = Array.from({ length: 40 }, (_, i) => post(port, agent, graphqlBody(ComuneSearchDocument, { search: 'abcdefgilmnoprstuvz'[i % 19], first: 100 })));
    await new Promise((resolve) => setTimeout(resolve, 30));
    process.kill(-pid, 'SIGINT');
    process.kill(pid, 'SIGINT');
    const statuses = await Promise.all(burst);
    const code = await api.exited;
    agent.destroy();

    expect(statuses).toEqual(Array(40).fill(200));
    expect(code).toBe(0);
    // Not one warning: pg-boss lost no connection, no request met a database that was going away.
    const lines = jsonLines(api.output());
    expect(lines.filter((line) => Number(line.level) >= 40).map((line) => line.msg)).toEqual([]);
    expect(api.output()).not.toMatch(/ERROR|Error:/);
    expect(lines.map((line) => line.msg).filter((msg) => /^SIG[A-Z]+ received|^Stopped/.test(String(msg)))).toEqual([
      'SIGINT received: answering the requests in flight (at most 25 s), then stopping',
      'Stopped',
    ]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(running(postgres)).toBe(false);
  }, 180_000);

  it('on Ctrl-C while the first start applies the migrations lets them finish, stops without an error or a stack trace, and the next start carries on', async () => {
    const { api, dataDir } = await embeddedApi({ ownProcessGroup: true });
    const deadline = Date.now() + 90_000;
    while (!api.output().includes('Embedded PostgreSQL ready') && api.process.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // Into the migrations, which take more than a second on a new database.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-(api.process.pid ?? 0), 'SIGINT');
    const code = await api.exited;

    expect(code).toBe(0);
    const lines = jsonLines(api.output());
    expect(lines.filter((line) => Number(line.level) >= 40).map((line) => line.msg)).toEqual([]);
    expect(api.output()).not.toMatch(/failed|Error|\n\s+at /);
    expect(lines.map((line) => line.msg).slice(-3)).toEqual([
      'SIGINT received while applying the migrations: stopping once that is done',
      expect.stringMatching(/^Applied migrations: /),
      'Stopped during start-up (SIGINT while applying the migrations): the next start carries on from there',
    ]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    const next = await embeddedApi({}, dataDir);
    await waitUntilReady(`http://127.0.0.1:${next.port}/health/ready`, next.api);
    next.api.process.kill('SIGTERM');
    expect(await next.api.exited).toBe(0);
    expect(jsonLines(next.api.output()).map((line) => line.msg)).toContain('Database schema is up to date');
  }, 180_000);

  it('with SHUTDOWN_DELAY_SECONDS, goes on answering after SIGTERM with readiness at 503, so that a load balancer can take it out, then stops', async () => {
    const port = await freePort();
    const api = spawnBuilt(API_MAIN, { PORT: String(port), METRICS_PORT: '0', MIGRATIONS_RUN: 'false', SEED_DEMO: 'false', RUN_WORKER: 'false', LOG_FORMAT: 'json', LOG_LEVEL: 'log', SHUTDOWN_DELAY_SECONDS: '3' });
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
    const signalled = Date.now();
    api.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [ready, live] = await Promise.all([fetch(`http://127.0.0.1:${port}/health/ready`), fetch(`http://127.0.0.1:${port}/health/live`)]);
    expect([ready.status, live.status]).toEqual([503, 200]);
    expect(await api.exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(3000);
    expect(jsonLines(api.output()).map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^Readiness is 503; still answering for 3 s/), 'Stopped']));
  }, 60_000);

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
