import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ALL_ENTITIES, ApiModule, CoreModule, createValidationPipe, GraphQLErrorFilter, JobsModule, LoaderFactory, LoggingModule, MetricsModule, MetricsService, UnexpectedErrorFilter, validateEnvironment, WorkerModule } from '@vec/core';
import { DatabaseModule } from '@vec/database';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthModule } from './health/health.module';

export interface AppOptions {
  databaseUrl: string;
  /** Also consume jobs in this process (RUN_WORKER): expiry, waitlist promotion, allocation runs. */
  worker: boolean;
  /** How often the worker polls an idle queue, in seconds. */
  workerPollSeconds?: number;
  /** How long the jobs in hand may run on when the process stops (SHUTDOWN_TIMEOUT_SECONDS). */
  jobStopTimeoutSeconds?: number;
  /** Settings that take precedence over the process environment (tests: limits, proxies). */
  env?: Record<string, string>;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (raw) => validateEnvironment({ ...raw, ...options.env }) }),
        LoggingModule,
        MetricsModule,
        DatabaseModule.forServing(options.databaseUrl, ALL_ENTITIES),
        JobsModule.forRoot({
          databaseUrl: options.databaseUrl,
          consume: options.worker,
          pollingIntervalSeconds: options.workerPollSeconds ?? 2,
          stopTimeoutSeconds: options.jobStopTimeoutSeconds,
        }),
        CoreModule,
        ApiModule,
        ...(options.worker ? [WorkerModule] : []),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ApiModule],
          inject: [LoaderFactory, ConfigService, MetricsService],
          useFactory: graphqlOptions,
        }),
        HealthModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Registered first, tried last: only errors that no feature filter claims.
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
