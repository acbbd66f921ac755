import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one place that says how the platform talks to PostgreSQL. The schema changes only
 * through the migrations listed here: `synchronize` stays off everywhere, tests included.
 */
export function buildDataSourceOptions(url: string, entities: EntityList): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install or to be allowed to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'vicini-e-connessi',
    extra: { max: 10 },
  };
}
