import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitySchema, MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source.options';

@Module({})
export class DatabaseModule {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  static forRoot(url: string, entities: MixedList<Function | string | EntitySchema>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(url, entities))],
      exports: [TypeOrmModule],
    };
  }

  /**
   * A serving process's database (API, worker): its connections have the time limits the
   * validated configuration gives (DATABASE_STATEMENT_TIMEOUT_SECONDS, DATABASE_POOL_WAIT_SECONDS).
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  static forServing(url: string, entities: MixedList<Function | string | EntitySchema>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            buildDataSourceOptions(url, entities, {
              statementTimeoutSeconds: config.getOrThrow<number>('DATABASE_STATEMENT_TIMEOUT_SECONDS'),
              poolWaitSeconds: config.getOrThrow<number>('DATABASE_POOL_WAIT_SECONDS'),
            }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
