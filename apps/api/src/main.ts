import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  ALL_ENTITIES,
  DatabaseConnection,
  DEMO_PASSWORD,
  Environment,
  InvalidEnvironmentError,
  loggableError,
  openDatabase,
  pinoOptions,
  seedDemo,
  validateEnvironment,
} from '@vec/core';
import { buildDataSourceOptions, DatabaseUnreachableError, EmbeddedPostgresStartError, isPortFree, runPendingMigrations } from '@vec/database';
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

/** Applies pending migrations and, on an empty database when asked, seeds the demo. */
async function prepareDatabase(env: Environment, url: string, embedded: boolean, log: BootLogger): Promise<void> {
  const dataSource = await new DataSource(buildDataSourceOptions(url, ALL_ENTITIES)).initialize();
  try {
    if (env.MIGRATIONS_RUN) {
      const applied = await runPendingMigrations(dataSource);
      log.info(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    }
    if (env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && embedded)) {
      const summary = await seedDemo(dataSource);
      if (summary) {
        log.info(
          `Demo data: ${summary.shops} shops in ${summary.provinces} provinces, ${summary.providers} providers, ` +
            `${summary.offers} offers, ${summary.helpRequests} help requests (${summary.bundles} bundles), ${summary.history.matches} matches, ` +
            `${summary.facilitators} facilitators acting for ${summary.delegations} shops ` +
            `(${Object.entries(summary.history.byState).map(([state, n]) => `${n} ${state.toLowerCase()}`).join(', ')})`,
        );
        const lines = summary.logins.map((login) => `  ${login.role.padEnd(11)} ${login.email.padEnd(24)} ${login.note}`);
        log.info(`Demo logins (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Stops in order, so that nothing fails half-way: readiness turns 503, the HTTP server stops
 * accepting and answers what is in flight (for at most SHUTDOWN_TIMEOUT_SECONDS), then the job
 * workers finish their jobs, the database pool closes, and the embedded PostgreSQL stops last.
 */
async function shutdown(signal: string, env: Environment, log: BootLogger, app: NestExpressApplication | undefined, database: DatabaseConnection | undefined): Promise<void> {
  const timeoutMs = env.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  log.info(`${signal} received: answering the requests in flight (at most ${env.SHUTDOWN_TIMEOUT_SECONDS} s), then stopping`);
  // A last resort: whatever hangs, the process ends.
  setTimeout(() => {
    log.error('Could not stop in time: exiting');
    process.exit(1);
  }, timeoutMs + 20_000).unref();
  if (app) {
    app.get(ShutdownState).begin();
    const drained = await drainHttp(app.getHttpServer() as Server, timeoutMs);
    if (!drained) log.warn(`Requests still running after ${env.SHUTDOWN_TIMEOUT_SECONDS} s were cut`);
    await app.close().catch((error: unknown) => log.error(`While stopping: ${loggableError(error).message}`));
  }
  await database?.close().catch((error: unknown) => log.error(`While stopping the database: ${loggableError(error).message}`));
  log.info('Stopped');
}

async function bootstrap(env: Environment, log: BootLogger): Promise<void> {
  // Everything that can be checked before touching the database is checked first.
  if (!(await isPortFree(env.PORT, env.HOST))) {
    throw new PortInUseError(`Port ${env.PORT} is in use (is the platform already running?). Stop the other process or set PORT.`);
  }
  // What is running so far: a signal during start-up stops exactly that.
  const running: { app?: NestExpressApplication; database?: DatabaseConnection } = {};
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    void shutdown(signal, env, log, running.app, running.database).finally(() => log.flush(() => process.exit(0)));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const database = await openDatabase(env, (line) => log.info(line));
  running.database = database;
  let app: NestExpressApplication | undefined;
  try {
    await prepareDatabase(env, database.url, database.embedded, log);
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ databaseUrl: database.url, worker: env.RUN_WORKER, workerPollSeconds: env.WORKER_POLL_SECONDS }),
      { bufferLogs: true },
    );
    running.app = app;
    app.useLogger(app.get(Logger));
    configureHttp(app);
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(`Port ${env.PORT} is in use (is the platform already running?). Stop the other process or set PORT.`);
    }
    throw error;
  }
  const base = `http://localhost:${env.PORT}`;
  log.info(`GraphQL API at ${base}/graphql — health at ${base}/health/ready${env.RUN_WORKER ? ' — worker running in this process' : ''}`);
}

const EXPECTED = [EmbeddedPostgresStartError, InvalidEnvironmentError, PortInUseError, DatabaseUnreachableError];

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
    // One line for what the operator can fix; the whole story, without secrets, for the rest.
    const expected = EXPECTED.some((type) => error instanceof type);
    const { message, stack } = loggableError(error);
    console.error(`Cannot start: ${expected ? (error as Error).message : message}`);
    if (!expected && stack) console.error(stack);
    log.flush(() => process.exit(1));
  });
}

main();
