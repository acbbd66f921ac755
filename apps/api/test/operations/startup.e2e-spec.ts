import { createServer, Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import { API_MAIN, freePort, spawnBuilt, WORKER_MAIN } from '../testing/spawned-api';

/** The process ends on its own: every case here is refused. */
async function refused(main: string, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const spawned = spawnBuilt(main, { LOG_FORMAT: 'json', LOG_LEVEL: 'log', ...env });
  const code = await spawned.exited;
  return { code, output: spawned.output(), ms: Date.now() - started };
}

describe('Start-up checks everything it can before touching the database, and says what is wrong in one line', () => {
  it('refuses an invalid ALLOCATION_SCHEDULE before migrating anything', async () => {
    const { code, output } = await refused(API_MAIN, { ALLOCATION_SCHEDULE: '99 99 99 99 99', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Cannot start: Invalid configuration:\n  ALLOCATION_SCHEDULE="99 99 99 99 99": ALLOCATION_SCHEDULE is not a valid cron expression (Constraint error, got value 99 expected range 0-59)',
    );
  });

  it('names PORT=abc as it was given', async () => {
    const { code, output } = await refused(API_MAIN, { PORT: 'abc' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Cannot start: Invalid configuration:\n  PORT="abc": PORT must be an integer number');
  });

  it.each([
    ['HOST', API_MAIN, '256.1.1.1'],
    ['METRICS_HOST', API_MAIN, 'not-a-host.invalid'],
    ['METRICS_HOST', WORKER_MAIN, '203.0.113.250'],
  ])('names %s when it is not an address of this machine', async (variable, main, value) => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const { code, output } = await refused(main, { PORT: String(port), METRICS_PORT: String(metricsPort), [variable]: value, DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(output.trim()).toMatch(new RegExp(`^Cannot start: ${variable}="${value.replace(/\./g, '\\.')}": not an address of this machine, so nothing can listen on it \\(E[A-Z_]+\\)`));
    expect(output).not.toContain('    at ');
  });

  it('finds a busy HTTP port before starting a database', async () => {
    const busy: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => busy.listen(port, '0.0.0.0', () => resolve()));
    try {
      const { code, output } = await refused(API_MAIN, { PORT: String(port), DATABASE_URL: undefined, EMBEDDED_PG_DIR: mkdtempSync(join(tmpdir(), 'vicini-busy-')) });
      expect(code).toBe(1);
      expect(output).toContain(`Cannot start: Port ${port} is in use (is the platform already running?). Stop the other process or set PORT.`);
      expect(output).not.toContain('Embedded PostgreSQL ready');
    } finally {
      busy.close();
    }
  });

  it.each([
    ['the API', API_MAIN],
    ['a worker', WORKER_MAIN],
  ])('finds a busy METRICS_PORT (another process on the host) before starting a database, and names METRICS_PORT, not PORT (%s)', async (_who, main) => {
    // Bound as the metrics server binds it: on every interface.
    const busy: Server = createServer();
    const metricsPort = await freePort();
    await new Promise<void>((resolve) => busy.listen(metricsPort, '0.0.0.0', () => resolve()));
    try {
      // The API on an embedded database still to be created, the worker on the test run's database.
      const { code, output } = await refused(main, {
        PORT: String(await freePort()),
        METRICS_PORT: String(metricsPort),
        ...(main === API_MAIN ? { DATABASE_URL: undefined, EMBEDDED_PG_DIR: mkdtempSync(join(tmpdir(), 'vicini-busy-metrics-')) } : {}),
      });
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        `Cannot start: Port ${metricsPort} for the metrics (METRICS_PORT) is in use (is another API or worker process running on this host?). ` +
          'Give each process its own METRICS_PORT, or set METRICS_PORT=0 for none.',
      );
    } finally {
      busy.close();
    }
  });

  it.each([
    ['the API', API_MAIN],
    ['a worker', WORKER_MAIN],
  ])('refuses METRICS_PORT equal to PORT up front, naming METRICS_PORT, not PORT or a busy port (%s)', async (_who, main) => {
    const port = await freePort();
    const { code, output } = await refused(main, { PORT: String(port), METRICS_PORT: String(port), DATABASE_URL: undefined, EMBEDDED_PG_DIR: mkdtempSync(join(tmpdir(), 'vicini-same-port-')) });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Cannot start: Invalid configuration:\n  METRICS_PORT="${port}": METRICS_PORT must differ from PORT (${port}), the port of the API's HTTP server: choose another port for the metrics, or 0 for no metrics endpoint`,
    );
  });

  it.each([
    ['the API', API_MAIN],
    ['a worker', WORKER_MAIN],
  ])('retries an unreachable database with back-off for the time allowed, then says so in one line (%s)', async (_who, main) => {
    const port = await freePort();
    const { code, output, ms } = await refused(main, {
      DATABASE_URL: `postgres://vicini:s3cret@127.0.0.1:${port}/vicini`,
      DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(ms).toBeGreaterThan(1500);
    const errors = output.split('\n').filter((line) => line.startsWith('Cannot start'));
    expect(errors).toEqual([
      `Cannot start: Cannot reach the database at postgres://vicini:***@127.0.0.1:${port}/vicini after 2 s (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port}); check DATABASE_URL and that PostgreSQL is running`,
    ]);
    expect(output).not.toContain('s3cret');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an API process that does not migrate', API_MAIN, { MIGRATIONS_RUN: 'false' }],
    ['a worker', WORKER_MAIN, {}],
  ])('refuses a database that lacks migrations of this version, naming them and how to apply them (%s)', async (_who, main, env) => {
    const scratch = await createScratchDatabase({ migrated: false });
    try {
      const { code, output } = await refused(main, { ...env, DATABASE_URL: scratch.url, PORT: String(await freePort()), METRICS_PORT: '0' });
      expect(code).toBe(1);
      const errors = output.split('\n').filter((line) => line.startsWith('Cannot start'));
      expect(errors).toEqual([expect.stringMatching(/^Cannot start: The database lacks \d+ migrations of this version \(\w+, \w+, \w+ and \d+ more\): apply them first with `node dist\/apps\/cli\/src\/main\.js migrate`/)]);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await scratch.drop();
    }
  });
});
