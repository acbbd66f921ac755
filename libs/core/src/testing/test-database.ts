import { buildDataSourceOptions, runPendingMigrations } from '@vec/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../entities';

/** The URL of the run's PostgreSQL, migrated by the global setup. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run database tests through `npm run test:db`');
  return url;
}

export async function openTestDataSource(url = testDatabaseUrl()): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions(url, ALL_ENTITIES)).initialize();
}

/**
 * A brand-new database on the same server: empty, for tests that change the schema itself
 * (migration round trips); or `migrated`, a clone of the run's freshly migrated database (its
 * template), for tests that must see only their own rows (allocation runs take every open request).
 */
export async function createScratchDatabase(options: { migrated?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(testDatabaseUrl());
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(options.migrated && template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  if (options.migrated && !template) {
    // An external test database (TEST_DATABASE_URL) has no template: migrate the copy instead.
    const dataSource = await openTestDataSource(url.toString());
    await runPendingMigrations(dataSource);
    await dataSource.destroy();
  }
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
