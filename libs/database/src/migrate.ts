import { DataSource, MigrationExecutor } from 'typeorm';

/** The database lacks migrations this build has: a process started on it would fail requests. */
export class PendingMigrationsError extends Error {}

/** Any fixed key: serialises migration runs of processes that start together. */
const MIGRATION_LOCK_KEY = 72_010_2020;

/** Runs pending migrations under an advisory lock; returns the names of those applied. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** The names of this build's migrations the database has not had yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  return (await new MigrationExecutor(dataSource).getPendingMigrations()).map((migration) => migration.name);
}

/**
 * For a process that does not migrate (MIGRATIONS_RUN=false, a worker): refuses a database that
 * lacks migrations, naming them and how to apply them, instead of starting to fail requests.
 */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length === 0) return;
  const shown = pending.length > 3 ? `${pending.slice(0, 3).join(', ')} and ${pending.length - 3} more` : pending.join(', ');
  throw new PendingMigrationsError(
    `The database lacks ${pending.length === 1 ? 'a migration' : `${pending.length} migrations`} of this version (${shown}): apply ${pending.length === 1 ? 'it' : 'them'} first with \`node dist/apps/cli/src/main.js migrate\` (or start one API process with MIGRATIONS_RUN=true)`,
  );
}

/**
 * The SQL that would make the database match the entities. Empty when entities and migrations
 * agree; the test command fails otherwise.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
