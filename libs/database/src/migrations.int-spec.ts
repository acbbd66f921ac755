import { createScratchDatabase, openTestDataSource } from '@vec/core/testing/test-database';
import { DataSource } from 'typeorm';
import { pendingSchemaChanges, runPendingMigrations } from './migrate';
import { MIGRATIONS } from './migrations';

const tables = async (dataSource: DataSource): Promise<string[]> =>
  (
    await dataSource.query<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY 1",
    )
  ).map((row) => row.table_name);

describe('migrations', () => {
  it('leave nothing for the entities to add or change (no drift)', async () => {
    const dataSource = await openTestDataSource();
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('apply, revert one by one to an empty schema, and apply again', async () => {
    const scratch = await createScratchDatabase();
    const dataSource = await openTestDataSource(scratch.url);
    try {
      expect(await runPendingMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
      expect(await tables(dataSource)).toEqual(expect.arrayContaining(['comune', 'province', 'region']));
      const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT COUNT(*)::int AS count FROM comune');
      expect(count).toBe(7904);

      for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables(dataSource)).toEqual([]);

      expect(await runPendingMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await scratch.drop();
    }
  });

  it('are safe when two processes start at once', async () => {
    const scratch = await createScratchDatabase();
    const [a, b] = await Promise.all([openTestDataSource(scratch.url), openTestDataSource(scratch.url)]);
    try {
      const [appliedA, appliedB] = await Promise.all([runPendingMigrations(a), runPendingMigrations(b)]);
      expect([...appliedA, ...appliedB].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await scratch.drop();
    }
  });
});
