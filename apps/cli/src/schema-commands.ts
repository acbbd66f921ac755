import { ALL_ENTITIES, type DatabaseEnvironment, openDatabase } from '@vec/core';
import { buildDataSourceOptions } from '@vec/database';
import { DataSource, MigrationExecutor } from 'typeorm';

/**
 * Opens the database the environment names (the embedded one when DATABASE_URL is unset; with
 * `joinRunning`, the one a running platform holds), gives `work` a data source that knows the
 * platform's migrations, and closes both. Shared by the production CLI and `npm run db`.
 */
export async function withSchema<T>(
  env: DatabaseEnvironment,
  options: { log: (line: string) => void; joinRunning?: boolean },
  work: (dataSource: DataSource, url: string) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(env, options.log, { joinRunning: options.joinRunning });
  try {
    const dataSource = await new DataSource(buildDataSourceOptions(database.url, ALL_ENTITIES)).initialize();
    try {
      return await work(dataSource, database.url);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.close();
  }
}

/** Undoes the last applied migration (its `down()`, in a transaction); its name, or undefined when none is applied. */
export async function revertLastMigration(dataSource: DataSource): Promise<string | undefined> {
  // The same one TypeORM reverts: the highest id of the migrations table.
  const [last] = await new MigrationExecutor(dataSource).getExecutedMigrations();
  if (!last) return undefined;
  await dataSource.undoLastMigration({ transaction: 'each' });
  return last.name;
}
