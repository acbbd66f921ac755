import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ALL_ENTITIES, CoreModule, createValidationPipe, GraphQLErrorFilter, LoaderFactory, validateEnvironment } from '@vec/core';
import { DatabaseModule } from '@vec/database';
import { graphqlOptions } from './graphql.options';
import { HealthModule } from './health/health.module';

export interface AppOptions {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        DatabaseModule.forRoot(options.databaseUrl, ALL_ENTITIES),
        CoreModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CoreModule],
          inject: [LoaderFactory],
          useFactory: graphqlOptions,
        }),
        HealthModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
