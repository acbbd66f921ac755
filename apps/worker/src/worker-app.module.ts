import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_ENTITIES, CoreModule, JobsModule, LoggingModule, MetricsModule, validateEnvironment, WorkerModule } from '@vec/core';
import { DatabaseModule } from '@vec/database';

/** Composition root of a worker process: the core services and the job consumers, no HTTP. */
@Module({})
export class WorkerAppModule {
  static register(databaseUrl: string, pollingIntervalSeconds: number, stopTimeoutSeconds?: number): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        LoggingModule,
        MetricsModule,
        DatabaseModule.forServing(databaseUrl, ALL_ENTITIES),
        JobsModule.forRoot({ databaseUrl, consume: true, pollingIntervalSeconds, stopTimeoutSeconds }),
        CoreModule,
        WorkerModule,
      ],
    };
  }
}
