import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  ALL_ENTITIES,
  assertMetricsPortFree,
  DatabaseConnection,
  DEMO_PASSWORD,
  Environment,
  InvalidEnvironmentError,
  loggableError,
  MetricsPortInUseError,
  onListenAddress,
  openDatabase,
  pinoOptions,
  seedDemo,
  validateEnvironment,
} from '@vec/core';
import { assertMigrated, buildDataSourceOptions, DatabaseUnreachableError, EmbeddedPostgresStartError, isPortFree, PendingMigrationsError, runPendingMigrations } from '@vec/database';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ShutdownState } from './health/shutdown-state';
import { configureHttp } from './http/configure-http';
import { drainHttp } from './lifecycle/drain';

type BootLogger = pino.Logger;

/** A start-up failure whose message tells the user what to do. */
class PortInUseError extends Error {}

const portInUse = (port: number): PortInUseError =>
  new PortInUseError(`Port ${port} is in use (is the platform already running?). Stop the other process or set PORT.`);

/** A stop asked for (SIGINT, SIGTERM) while the platform was starting: an ordinary end, not a failure. */
class StoppedDuringStartup extends Error {}

/**
 * Start-up as named steps. A stop asked for during one lets it end — a migration or the demo seed
 * is not cut half-way, the embedded server is not stopped under it — and the next does not begin.
 * Only waiting (for an external database to answer) is cut short.
 */
class StartupSteps {
  private current = 'starting';
  private signal?: string;
  private readonly stopAsked: Promise<never>;
  private askStop: () => void = () => undefined;

  constructor(private readonly log: BootLogger) {
    this.stopAsked = new Promise<never>((_resolve, reject) => (this.askStop = () => reject(this.stopped())));
    this.stopAsked.catch(() => undefined);
  }

  /** Records a stop; true the first time, when it is acknowledged. */
  requestStop(signal: string): boolean {
    if (this.signal) return false;
    this.signal = signal;
    this.log.info(`${signal} received while ${this.current}: stopping once that is done`);
    this.askStop();
    return true;
  }

  /** Runs a step, unless a stop was asked for before it began. */
  async run<T>(name: string, work: () => Promise<T>, options: { abortable?: boolean } = {}): Promise<T> {
    this.checkpoint();
    this.current = name;
    const working = work();
    try {
      if (options.abortable) working.catch(() => undefined);
      return await (options.abortable ? Promise.race([working, this.stopAsked]) : working);
    } catch (error) {
      // A step may fail because of the stop itself (initdb hears the terminal's Ctrl-C too): not a failure to report.
      this.checkpoint();
      throw error;
    }
  }

  /** After the last step: throws if a stop was asked for meanwhile. */
  checkpoint(): void {
    if (this.signal) throw this.stopped();
  }

  private stopped(): StoppedDuringStartup {
    return new StoppedDuringStartup(`Stopped during start-up (${this.signal} while ${this.current}): the next start carries on from there`);
  }
}

/** Applies pending migrations and, on an empty database when asked, seeds the demo. */
async function prepareDatabase(env: Environment, database: DatabaseConnection, log: BootLogger, steps: StartupSteps): Promise<void> {
  const dataSource = await new DataSource(buildDataSourceOptions(database.url, ALL_ENTITIES)).initialize();
  try {
    if (env.MIGRATIONS_RUN) {
      const applied = await steps.run('applying the migrations', () => runPendingMigrations(dataSource));
      log.info(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    } else {
      await assertMigrated(dataSource);
    }
    if (env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && database.embedded)) {
      const summary = await steps.run('loading the demo data', () => seedDemo(dataSource));
      if (summary) {
        log.info(
          `Demo data: ${summary.shops} shops in ${summary.provinces} provinces, ${summary.providers} providers, ` +
            `${summary.offers} offers, ${summary.helpRequests} help requests (${summary.bundles} bundles), ` +
            `${summary.history.matches} matches (${Object.entries(summary.history.byState).map(([state, n]) => `${n} ${state.toLowerCase()}`).join(', ')}), ` +
            `${summary.facilitators} facilitators acting for ${summary.delegations} shops, ` +
            `a selection call open (${summary.calls.open.applications} applications) and one closed (${summary.calls.closed.admitted} admitted, ${summary.calls.closed.reserve} in reserve)`,
        );
        const lines = summary.logins.map((login) => `  ${login.role.padEnd(11)} ${login.email.padEnd(24)} ${login.note}`);
        log.info(`Demo logins (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Whatever hangs while stopping, the process ends: after the requests' and then the jobs' time, and a margin. */
function exitIfStillRunning(env: Environment, log: BootLogger): void {
  setTimeout(() => {
    log.error('Could not stop in time: exiting');
    process.exit(1);
  }, (env.SHUTDOWN_DELAY_SECONDS + 2 * env.SHUTDOWN_TIMEOUT_SECONDS) * 1000 + 20_000).unref();
}

/**
 * Stops in order, so that nothing fails half-way: readiness turns 503 (and stays so while the API
 * goes on answering for SHUTDOWN_DELAY_SECONDS, so that load balancers see it), the HTTP server stops
 * accepting and answers what is in flight (for at most SHUTDOWN_TIMEOUT_SECONDS), then the job
 * workers finish their jobs, the database pool closes, and the embedded PostgreSQL stops last.
 */
async function shutdown(signal: string, env: Environment, log: BootLogger, app: NestExpressApplication | undefined, database: DatabaseConnection | undefined): Promise<void> {
  const timeoutMs = env.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  log.info(`${signal} received: answering the requests in flight (at most ${env.SHUTDOWN_TIMEOUT_SECONDS} s), then stopping`);
  exitIfStillRunning(env, log);
  if (app) {
    app.get(ShutdownState).begin();
    if (env.SHUTDOWN_DELAY_SECONDS > 0) {
      log.info(`Readiness is 503; still answering for ${env.SHUTDOWN_DELAY_SECONDS} s, so that load balancers take this instance out first`);
      await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DELAY_SECONDS * 1000));
    }
    const drained = await drainHttp(app.getHttpServer() as Server, timeoutMs);
    if (!drained) log.warn(`Requests still running after ${env.SHUTDOWN_TIMEOUT_SECONDS} s were cut`);
    await app.close().catch((error: unknown) => log.error(`While stopping: ${loggableError(error).message}`));
  }
  await database?.close().catch((error: unknown) => log.error(`While stopping the database: ${loggableError(error).message}`));
  log.info('Stopped');
}

async function bootstrap(env: Environment, log: BootLogger): Promise<void> {
  // Everything that can be checked before touching the database is checked first.
  if (!(await onListenAddress('HOST', env.HOST, () => isPortFree(env.PORT, env.HOST)))) throw portInUse(env.PORT);
  await onListenAddress('METRICS_HOST', env.METRICS_HOST, () => assertMetricsPortFree(env.METRICS_PORT, env.METRICS_HOST));

  const steps = new StartupSteps(log);
  let database: DatabaseConnection | undefined;
  let app: NestExpressApplication | undefined;
  let started = false;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!started) {
      if (steps.requestStop(signal)) exitIfStillRunning(env, log);
      return;
    }
    if (stopping) return;
    stopping = true;
    void shutdown(signal, env, log, app, database).finally(() => log.flush(() => process.exit(0)));
  };
  // `on`, not `once`: under `npm start` one Ctrl-C arrives twice (from the terminal, and forwarded by
  // npm), and a repeated signal must not end the process by default half-way through stopping.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    // Waiting for an external database is cut short by a stop; starting the embedded one is not.
    database = await steps.run('starting the database', () => openDatabase(env, (line) => log.info(line)), { abortable: Boolean(env.DATABASE_URL) });
    await prepareDatabase(env, database, log, steps);
    const databaseUrl = database.url;
    await steps.run('starting the API', async () => {
      app = await NestFactory.create<NestExpressApplication>(
        AppModule.register({ databaseUrl, worker: env.RUN_WORKER, workerPollSeconds: env.WORKER_POLL_SECONDS, jobStopTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS }),
        { bufferLogs: true },
      );
      app.useLogger(app.get(Logger));
      configureHttp(app);
      await app.listen(env.PORT, env.HOST);
    });
    steps.checkpoint();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(env.PORT);
    throw error;
  }
  started = true;
  // Where this process listens (all interfaces read as localhost), and the public address when one is set.
  const base = `http://${env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
  const publicAddress = env.APP_URL ? ` — public address ${env.APP_URL}` : '';
  log.info(`GraphQL API at ${base}/graphql — health at ${base}/health/ready${publicAddress}${env.RUN_WORKER ? ' — worker running in this process' : ''}`);
}

const EXPECTED = [EmbeddedPostgresStartError, InvalidEnvironmentError, PortInUseError, MetricsPortInUseError, DatabaseUnreachableError, PendingMigrationsError];

function main(): void {
  let env: Environment;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    console.error(`Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const log = pino(pinoOptions(env)).child({ context: 'Bootstrap' });
  bootstrap(env, log).catch((error: unknown) => {
    if (error instanceof StoppedDuringStartup) {
      // A stop asked for is an ordinary end, as after a normal start: exit code 0.
      log.info(error.message);
      log.flush(() => process.exit(0));
      return;
    }
    // One line for what the operator can fix; the whole story, without secrets, for the rest.
    const expected = EXPECTED.some((type) => error instanceof type);
    const { message, stack } = loggableError(error);
    console.error(`Cannot start: ${expected ? (error as Error).message : message}`);
    if (!expected && stack) console.error(stack);
    log.flush(() => process.exit(1));
  });
}

main();
