import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/** The time limits of a serving process's connections (API and worker). */
export interface DatabaseLimits {
  /** Longest statement, and longest pause of a transaction between two statements; 0: none. */
  statementTimeoutSeconds: number;
  /** Longest wait for a connection of the pool, or for a new one to open. */
  poolWaitSeconds: number;
}

/** node-postgres settings for the limits: PostgreSQL enforces the first two on every connection. */
function limitSettings(limits: DatabaseLimits): Record<string, number> {
  const statement = limits.statementTimeoutSeconds * 1000;
  return { statement_timeout: statement, idle_in_transaction_session_timeout: statement, connectionTimeoutMillis: limits.poolWaitSeconds * 1000 };
}

/**
 * The one place that says how the platform talks to PostgreSQL. The schema changes only
 * through the migrations listed here: `synchronize` stays off everywhere, tests included.
 * Without `limits` (migrations, the command line, tests) statements may take as long as they need.
 */
export function buildDataSourceOptions(url: string, entities: EntityList, limits?: DatabaseLimits): DataSourceOptions {
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
    // keepAlive: a connection whose server went away is probed after 10 s of silence, and broken
    // when it does not answer (the system's probes), rather than waited on for hours.
    extra: { max: 10, keepAlive: true, keepAliveInitialDelayMillis: 10_000, ...(limits ? limitSettings(limits) : {}) },
  };
}
