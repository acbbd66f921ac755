import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ALL_ENTITIES, assertMetricsPortFree, InvalidEnvironmentError, loggableError, MetricsPortInUseError, onListenAddress, pinoOptions, validateEnvironment } from '@vec/core';
import { assertMigrated, buildDataSourceOptions, DatabaseUnreachableError, PendingMigrationsError, waitForDatabase } from '@vec/database';
import { DataSource } from 'typeorm';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { WorkerAppModule } from './worker-app.module';

/**
 * A worker process for production: as many as needed run beside the API processes, all on the
 * same PostgreSQL (DATABASE_URL is required: the embedded server belongs to `npm start`). On
 * SIGTERM or SIGINT it finishes the jobs it holds, then closes the database pool.
 */
async function main(log: pino.Logger): Promise<void> {
  const env = validateEnvironment(process.env);
  if (!env.DATABASE_URL) throw new InvalidEnvironmentError('DATABASE_URL is required for a separate worker (npm start runs one inside the API)');
  // Refused at once, not after waiting for the database: each process on a host needs its own.
  await onListenAddress('METRICS_HOST', env.METRICS_HOST, () => assertMetricsPortFree(env.METRICS_PORT, env.METRICS_HOST));
  await waitForDatabase(env.DATABASE_URL, env.DATABASE_CONNECT_TIMEOUT_SECONDS, (line) => log.info(line));
  // A worker never migrates: on a database older than its code it would fail every job.
  const schema = await new DataSource(buildDataSourceOptions(env.DATABASE_URL, ALL_ENTITIES)).initialize();
  try {
    await assertMigrated(schema);
  } finally {
    await schema.destroy();
  }
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(env.DATABASE_URL, env.WORKER_POLL_SECONDS, env.SHUTDOWN_TIMEOUT_SECONDS), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing the jobs in hand, then stopping`);
    void app
      .close()
      .then(() => log.info('Stopped'))
      .catch((error: unknown) => log.error(`While stopping: ${loggableError(error).message}`))
      .finally(() => log.flush(() => process.exit(0)));
  };
  // `on`, not `once`: a repeated signal (a Ctrl-C forwarded by npm as well) must not end it half-way through stopping.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  log.info('Worker started');
}

let log: pino.Logger;
try {
  log = pino(pinoOptions(validateEnvironment(process.env))).child({ context: 'Worker' });
} catch (error) {
  console.error(`Cannot start: ${(error as Error).message}`);
  process.exit(1);
}
main(log).catch((error: unknown) => {
  const expected = [InvalidEnvironmentError, DatabaseUnreachableError, MetricsPortInUseError, PendingMigrationsError].some((type) => error instanceof type);
  const { message, stack } = loggableError(error);
  console.error(`Cannot start: ${expected ? (error as Error).message : message}`);
  if (!expected && stack) console.error(stack);
  log.flush(() => process.exit(1));
});
