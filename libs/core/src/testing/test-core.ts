import { INestApplicationContext } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { DatabaseModule } from '@vec/database';
import { DataSource } from 'typeorm';
import { Actor, RequestContext } from '../common/request-context';
import { validateEnvironment } from '../config/validate-environment';
import { CoreModule } from '../core.module';
import { ALL_ENTITIES } from '../entities';
import { JobsModule } from '../jobs/jobs.module';
import { WorkerModule } from '../worker/worker.module';
import { createScratchDatabase, testDatabaseUrl } from './test-database';

export interface TestCore {
  app: INestApplicationContext;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * The core services without HTTP, on the run's PostgreSQL: for integration tests of services.
 * With `worker: true` the job consumers run too (polling every half second).
 */
export async function startTestCore(options: { url?: string; worker?: boolean } = {}): Promise<TestCore> {
  const databaseUrl = options.url ?? testDatabaseUrl();
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
      DatabaseModule.forRoot(databaseUrl, ALL_ENTITIES),
      JobsModule.forRoot({ databaseUrl, consume: options.worker ?? false, pollingIntervalSeconds: 0.5 }),
      CoreModule,
      ...(options.worker ? [WorkerModule] : []),
    ],
  }).compile();
  const app = await module.createNestApplication({ logger: ['error', 'warn'] }).init();
  return { app, db: app.get(DataSource), close: () => app.close() };
}

/**
 * The core services on a migrated database of their own, dropped on close: for suites whose rows
 * must not show in others' lists or counts (or theirs in its own), as the run's database is shared.
 */
export async function startScratchCore(options: { worker?: boolean } = {}): Promise<TestCore> {
  const scratch = await createScratchDatabase({ migrated: true });
  const core = await startTestCore({ ...options, url: scratch.url });
  return {
    ...core,
    close: async () => {
      await core.close();
      await scratch.drop();
    },
  };
}

/** A request context acting as this account, now. */
export const actingAs = (actor: Actor, now = new Date()): RequestContext => new RequestContext(`test-${actor.userId}`, now, actor);
