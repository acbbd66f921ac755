import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ENTITIES, CoreModule, createValidationPipe, GraphQLErrorFilter, JobsModule, LoaderFactory, validateEnvironment, WorkerModule } from '@vec/core';
import { DatabaseModule } from '@vec/database';
import { graphqlOptions } from './graphql.options';
import { HealthModule } from './health/health.module';

export interface AppOptions {
  databaseUrl: string;
  /** Also consume jobs in this process (RUN_WORKER): expiry, waitlist promotion, allocation runs. */
  worker: boolean;
  /** How often the worker polls an idle queue, in seconds. */
  workerPollSeconds?: number;
}

/**
 * The built web app (`vite build` writes dist/web): beside the compiled API in production
 * (dist/apps/api/src → dist/web), under the repository's dist/ when run from source (tests).
 */
export function webAppRoot(): string | undefined {
  const candidates = [join(__dirname, '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Serves the web app at `/`, with index.html for every other path (client-side routes). */
function webApp(): DynamicModule[] {
  const rootPath = webAppRoot();
  if (!rootPath) return [];
  return [ServeStaticModule.forRoot({ rootPath, exclude: ['/graphql{/*path}', '/health{/*path}', '/exports{/*path}', '/open-data{/*path}'] })];
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        DatabaseModule.forRoot(options.databaseUrl, ALL_ENTITIES),
        JobsModule.forRoot({ databaseUrl: options.databaseUrl, consume: options.worker, pollingIntervalSeconds: options.workerPollSeconds ?? 2 }),
        CoreModule,
        ...(options.worker ? [WorkerModule] : []),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CoreModule],
          inject: [LoaderFactory],
          useFactory: graphqlOptions,
        }),
        HealthModule,
        ...webApp(),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
