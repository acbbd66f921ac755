import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_ENTITIES, CoreModule, Environment, JobsModule } from '@vec/core';
import { DatabaseModule } from '@vec/database';

/** The services of the platform, without HTTP: for administrative commands. */
@Module({})
export class CliModule {
  /**
   * `settings`: what the command checked (see command-environment.ts). The services it is built
   * from read other settings when they are made; those keep their defaults, and the environment
   * itself is not read again, so nothing the command did not check reaches it.
   */
  static register(databaseUrl: string, settings: Partial<Environment>): DynamicModule {
    const config = { ...new Environment(), ...settings };
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validatePredefined: false, skipProcessEnv: true, load: [() => config] }),
        DatabaseModule.forRoot(databaseUrl, ALL_ENTITIES),
        // Commands send jobs (never consume them): the workers pick them up.
        JobsModule.forRoot({ databaseUrl, consume: false, pollingIntervalSeconds: 2 }),
        CoreModule,
      ],
    };
  }
}
