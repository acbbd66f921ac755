import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_ENTITIES, CoreModule, JobsModule, validateEnvironment } from '@vec/core';
import { DatabaseModule } from '@vec/database';

/** The services of the platform, without HTTP: for administrative commands. */
@Module({})
export class CliModule {
  static register(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        DatabaseModule.forRoot(databaseUrl, ALL_ENTITIES),
        // Commands send jobs (never consume them): the workers pick them up.
        JobsModule.forRoot({ databaseUrl, consume: false, pollingIntervalSeconds: 2 }),
        CoreModule,
      ],
    };
  }
}
