import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { enabledLogLevels, InvalidEnvironmentError, validateEnvironment } from '@vec/core';
import { WorkerAppModule } from './worker-app.module';

const logger = new Logger('Worker');

/**
 * A worker process for production: as many as needed run beside the API processes, all on the
 * same PostgreSQL (DATABASE_URL is required: the embedded server belongs to `npm start`).
 */
async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (!env.DATABASE_URL) throw new InvalidEnvironmentError('DATABASE_URL is required for a separate worker (npm start runs one inside the API)');
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(env.DATABASE_URL, env.WORKER_POLL_SECONDS), {
    logger: enabledLogLevels(env.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  logger.log('Worker started');
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) console.error(`Cannot start: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
