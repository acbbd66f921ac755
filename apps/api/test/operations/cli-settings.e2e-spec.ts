import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import { Client } from 'pg';
import { ROOT } from '../testing/spawned-api';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The command line as `npm run cli` runs it (the same source the image builds), with exactly
 * `env` and nothing inherited from the test run: what the operator sets is all it gets.
 */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const main = join(ROOT, 'apps', 'cli', 'src', 'main.ts');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

const NO_DATABASE = 'DATABASE_URL=undefined: is required in production: the embedded PostgreSQL is for development only';

describe('The command line in production: each command needs only the settings it reads', () => {
  let database: { url: string; drop(): Promise<void> };
  /** Production and a database: no signing key, no SMTP server, no sender, no public address. */
  let production: Record<string, string>;
  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    production = { NODE_ENV: 'production', DATABASE_URL: database.url };
  });
  afterAll(() => database.drop());

  it('answers --help with the usage and does nothing else (migrate --help does not migrate), an unknown command or option with exit code 2, and a command before the migrations with what to do', async () => {
    const empty = await createScratchDatabase({ migrated: false });
    try {
      const onEmpty = { NODE_ENV: 'production', DATABASE_URL: empty.url };
      const [help, migrateHelp, unknown, typo, beforeMigrate] = await Promise.all([
        cli(['--help'], {}),
        cli(['migrate', '--help'], onEmpty),
        cli(['migrate', '--dry-run'], onEmpty),
        cli(['user-create', '--role', 'admin', '--email', 'a@example.it'], onEmpty),
        cli(['user:create', '--role', 'admin', '--email', 'a@example.it'], onEmpty),
      ]);
      for (const run of [help, migrateHelp]) {
        expect([run.status, run.stderr]).toEqual([0, '']);
        expect(run.stdout).toMatch(/^Usage: npm run cli -- <command> \[options\]/);
      }
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/^Unknown option '--dry-run'/);
      expect(typo.status).toBe(2);
      expect(typo.stderr).toMatch(/^Unknown command 'user-create'\n\nUsage:/);
      // A command run before `migrate` says so, as the API does, rather than an SQL error.
      expect(beforeMigrate.status).toBe(1);
      expect(beforeMigrate.stderr).toMatch(/^The database lacks \d+ migrations of this version \(.*\): apply them first with `node dist\/apps\/cli\/src\/main.js migrate`/);
      // Nothing was applied by either.
      const client = new Client({ connectionString: empty.url });
      await client.connect();
      try {
        expect((await client.query(`SELECT to_regclass('public.user_account') AS t`)).rows).toEqual([{ t: null }]);
      } finally {
        await client.end();
      }
    } finally {
      await empty.drop();
    }
    // Five command lines compiled and run side by side: on a busy machine that takes a while.
  }, 180_000);

  it('user:create creates the account with the database alone, and without DATABASE_URL refuses naming it, before touching anything', async () => {
    const [created, refused] = await Promise.all([
      cli(['user:create', '--role', 'admin', '--email', 'amministratore@example.it'], production),
      cli(['user:create', '--role', 'admin', '--email', 'altro@example.it'], { NODE_ENV: 'production' }),
    ]);
    expect([created.status, created.stderr]).toEqual([0, '']);
    expect(created.stdout).toMatch(/^Created ADMIN account amministratore@example\.it \(id [0-9a-f-]{36}\)\nPassword \(shown once\): \S{16,}\n$/);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ role: string }>('SELECT role FROM user_account WHERE email = $1', ['amministratore@example.it']);
      expect(rows).toEqual([{ role: 'ADMIN' }]);
    } finally {
      await client.end();
    }
    expect(refused).toEqual({ status: 1, stdout: '', stderr: `Cannot run user:create: Invalid configuration:\n  ${NO_DATABASE}\n` });
  }, 60_000);

  it('user:create refuses a password of spaces, or one too easy to guess, with the rules the API applies, before reaching the database', async () => {
    const spaces = await cli(['user:create', '--role', 'admin', '--email', 'spazi@example.it', '--password', ' '.repeat(12)], production);
    expect(spaces).toEqual({ status: 2, stdout: '', stderr: '--password must have at least 12 characters other than spaces (and at most 128)\n' });
    const weak = await cli(['user:create', '--role', 'admin', '--email', 'debole@example.it', '--password', 'qwertyuiop123'], production);
    expect(weak).toEqual({ status: 2, stdout: '', stderr: expect.stringMatching(/^--password is too easy to guess: it is one of the most used passwords, or nearly\. /) });
  }, 60_000);

  it('mailbox says production has no development mailbox (before asking for any setting), and reads it in development with the database alone', async () => {
    const [inProduction, withoutSettings, shown] = await Promise.all([
      cli(['mailbox', '--limit', '5'], production),
      cli(['mailbox'], { NODE_ENV: 'production' }),
      cli(['mailbox', '--limit', '5'], { ...production, NODE_ENV: 'development' }),
    ]);
    const noMailbox = { status: 2, stdout: '', stderr: 'There is no development mailbox in production: e-mails go through SMTP_URL; staff see their delivery on the Outgoing mail page\n' };
    expect(inProduction).toEqual(noMailbox);
    expect(withoutSettings).toEqual(noMailbox);
    expect(shown).toEqual({ status: 0, stdout: 'The development mailbox is empty\n', stderr: '' });
  }, 60_000);

  it('retention runs with the database and its own periods, and refuses a wrong period or a missing DATABASE_URL, naming each', async () => {
    const [dryRun, purge, wrongPeriod, noDatabase] = await Promise.all([
      cli(['retention', '--dry-run'], { ...production, RETENTION_NOTIFICATION_DAYS: '7' }),
      cli(['retention'], production),
      cli(['retention', '--dry-run'], { ...production, RETENTION_AUDIT_DAYS: '30', RETENTION_MAIL_DAYS: 'forever' }),
      cli(['retention'], { NODE_ENV: 'production', RETENTION_MAIL_DAYS: '30' }),
    ]);
    expect([dryRun.status, dryRun.stderr]).toEqual([0, '']);
    expect(dryRun.stdout).toMatch(/^Dry run at \S+: nothing changed\n/);
    expect(dryRun.stdout).toMatch(/^NOTIFICATIONS\s+7 days\s+delete\s+before \S+\s+0 row\(s\)$/m);
    expect([purge.status, purge.stderr]).toEqual([0, '']);
    expect(purge.stdout).toMatch(/^Retention run at \S+\n/);
    expect(purge.stdout).toMatch(/^NOTIFICATIONS\s+365 days\s+delete/m);
    expect(wrongPeriod).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'Cannot run retention: Invalid configuration:\n' +
        '  RETENTION_MAIL_DAYS="forever": RETENTION_MAIL_DAYS must be an integer number\n' +
        '  RETENTION_AUDIT_DAYS="30": RETENTION_AUDIT_DAYS must not be less than 365\n',
    });
    expect(noDatabase).toEqual({ status: 1, stdout: '', stderr: `Cannot run retention: Invalid configuration:\n  ${NO_DATABASE}\n` });
  }, 60_000);
});
