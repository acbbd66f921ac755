import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  ALL_ENTITIES,
  DEMO_PASSWORD,
  enabledLogLevels,
  Environment,
  InvalidEnvironmentError,
  loggableError,
  openDatabase,
  seedDemo,
  validateEnvironment,
} from '@vec/core';
import { buildDataSourceOptions, EmbeddedPostgresStartError, runPendingMigrations } from '@vec/database';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureHttp } from './http/configure-http';

const logger = new Logger('Bootstrap');

/** A start-up failure whose message tells the user what to do. */
class PortInUseError extends Error {}

/** Applies pending migrations and, on an empty database when asked, seeds the demo. */
async function prepareDatabase(env: Environment, url: string, embedded: boolean): Promise<void> {
  const dataSource = await new DataSource(buildDataSourceOptions(url, ALL_ENTITIES)).initialize();
  try {
    if (env.MIGRATIONS_RUN) {
      const applied = await runPendingMigrations(dataSource);
      logger.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    }
    if (env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && embedded)) {
      const summary = await seedDemo(dataSource);
      if (summary) {
        logger.log(
          `Demo data: ${summary.shops} shops in ${summary.provinces} provinces, ${summary.providers} providers, ` +
            `${summary.offers} offers, ${summary.helpRequests} help requests, ${summary.history.matches} matches ` +
            `(${Object.entries(summary.history.byState).map(([state, n]) => `${n} ${state.toLowerCase()}`).join(', ')})`,
        );
        const lines = summary.logins.map((login) => `  ${login.role.padEnd(9)} ${login.email.padEnd(24)} ${login.note}`);
        logger.log(`Demo logins (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

async function bootstrap(env: Environment): Promise<void> {
  Logger.overrideLogger(enabledLogLevels(env.LOG_LEVEL));
  const database = await openDatabase(env, (line) => logger.log(line));
  let app: NestExpressApplication | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`);
    await app?.close().catch((error: unknown) => logger.error(loggableError(error).message));
    await database.close().catch((error: unknown) => logger.error(loggableError(error).message));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await prepareDatabase(env, database.url, database.embedded);
    app = await NestFactory.create<NestExpressApplication>(AppModule.register({ databaseUrl: database.url, worker: env.RUN_WORKER, workerPollSeconds: env.WORKER_POLL_SECONDS }), {
      logger: enabledLogLevels(env.LOG_LEVEL),
    });
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
  logger.log(`GraphQL API at ${base}/graphql — health at ${base}/health/ready${env.RUN_WORKER ? ' — worker running in this process' : ''}`);
}

function main(): void {
  let env: Environment;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  bootstrap(env).catch((error: unknown) => {
    const expected = [EmbeddedPostgresStartError, InvalidEnvironmentError, PortInUseError].some((type) => error instanceof type);
    if (expected) console.error(`Cannot start: ${(error as Error).message}`);
    else console.error(error);
    process.exit(1);
  });
}

main();
