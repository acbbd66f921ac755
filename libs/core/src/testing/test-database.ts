import { buildDataSourceOptions } from '@vec/database';
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
 * A brand-new empty database on the same server, for tests that must change the schema itself
 * (migration round trips) without disturbing tests that run at the same time.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(testDatabaseUrl());
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
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
