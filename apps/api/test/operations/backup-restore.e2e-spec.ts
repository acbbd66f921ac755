import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_ENTITIES, seedDemo } from '@vec/core';
import { buildDataSourceOptions } from '@vec/database';
import { DataSource } from 'typeorm';
import { PublicFiguresDocument } from '../gql/generated';
import { API_MAIN, freePort, ROOT } from '../testing/spawned-api';
import { startTestApp } from '../testing/test-app';

/**
 * The runbook's backup and restore, done for real: a PostgreSQL cluster of the distribution's
 * own (pg_dump must match its server's major version; .ci/run installs postgresql-15), a seeded
 * platform dumped with pg_dump, restored with pg_restore into a new database, and the API
 * started on the copy.
 */
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

function run(command: string, args: string[], options: { asPostgres?: boolean; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL's server tools refuse to run as root.
  const [file, argv] = options.asPostgres && asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const tables: { name: string }[] = await dataSource.query(`SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname IN ('public', 'pgboss') ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await dataSource.query(`SELECT count(*) AS n FROM ${name}`))[0].n);
    return counts;
  } finally {
    await dataSource.destroy();
  }
}

describe('Backup and restore as the runbook says: pg_dump, pg_restore, and the platform runs on the copy', () => {
  const root = mkdtempSync(join(tmpdir(), 'vicini-backup-'));
  const dataDir = join(root, 'cluster');
  let port: number;
  const url = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${database}`;

  beforeAll(async () => {
    if (!existsSync(join(BIN, 'pg_dump'))) {
      throw new Error(`PostgreSQL's tools are missing in ${BIN}: install them (Debian: apt-get install postgresql-15; .ci/run does) or set PG_BIN_DIR`);
    }
    port = await freePort();
    if (process.getuid?.() === 0) {
      const postgres = Number(run('id', ['-u', 'postgres']).stdout.trim());
      chownSync(root, postgres, postgres);
    }
    run(join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { asPostgres: true });
    run(join(BIN, 'pg_ctl'), ['-D', dataDir, '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root}`, '-l', join(root, 'server.log'), 'start'], { asPostgres: true });
    run(join(BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'vicini']);
  }, 120_000);

  afterAll(() => {
    spawnSync(process.getuid?.() === 0 ? 'runuser' : join(BIN, 'pg_ctl'), process.getuid?.() === 0 ? ['-u', 'postgres', '--', join(BIN, 'pg_ctl'), '-D', dataDir, '-m', 'fast', 'stop'] : ['-D', dataDir, '-m', 'fast', 'stop']);
    rmSync(root, { recursive: true, force: true });
  });

  it('restores a seeded platform whole: every table, the job queue included, and the API answers on the copy', async () => {
    // The platform's own migrations and demo, on this cluster.
    run(process.execPath, [join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), 'migrate'], { env: { DATABASE_URL: url('vicini') } });
    expect(existsSync(API_MAIN)).toBe(true);
    const seeding = await new DataSource(buildDataSourceOptions(url('vicini'), ALL_ENTITIES)).initialize();
    await seedDemo(seeding);
    await seeding.destroy();

    const file = join(root, 'vicini.dump');
    run(join(BIN, 'pg_dump'), ['--format=custom', `--file=${file}`, url('vicini')]);
    run(join(BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'vicini_restored']);
    run(join(BIN, 'pg_restore'), ['--no-owner', `--dbname=${url('vicini_restored')}`, file]);

    const original = await tableCounts(url('vicini'));
    expect(original['public.shop']).toBeGreaterThan(100);
    expect(await tableCounts(url('vicini_restored'))).toEqual(original);

    const api = await startTestApp({ databaseUrl: url('vicini_restored') });
    try {
      expect((await api.http().get('/health/ready')).status).toBe(200);
      const { data } = await api.gql(PublicFiguresDocument);
      expect(data?.publicFigures.shops).toBe(original['public.shop']);
    } finally {
      await api.close();
    }
  }, 180_000);
});
