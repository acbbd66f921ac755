import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const STRONG = 'kH3x9Qm2ZpV7wL1tR8sD4fG6jN0bC5yA-uE_iO2oP9lK3mJ7';

/** Starts the built API as an operator would, and returns how it ended (it must end: every case is refused). */
function start(env: Record<string, string | undefined>): { status: number | null; output: string } {
  if (!existsSync(MAIN)) throw new Error('dist/apps/api is missing: build first (`npm run build`; `npm test` does it)');
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const result = spawnSync(process.execPath, [MAIN], { cwd: ROOT, env: clean, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Production refuses to start unsafely', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://vicini:s3cret@127.0.0.1:1/vicini', JWT_SECRET: STRONG, PORT: '3999', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'noreply@vicini.example', APP_URL: 'https://vicini.example' };

  it.each([
    ['without DATABASE_URL (it would start the embedded PostgreSQL and seed the demo)', { DATABASE_URL: undefined }, 'DATABASE_URL=undefined: is required in production'],
    ['without JWT_SECRET', { JWT_SECRET: undefined }, 'JWT_SECRET=undefined: is required in production'],
    ['with the development key', { JWT_SECRET: 'vicini-e-connessi-local-development-key-not-for-production' }, 'is the development key published in the source code'],
    ['with an all-"a" key', { JWT_SECRET: 'a'.repeat(48) }, 'is too easy to guess'],
    ["with jwt.io's example key", { JWT_SECRET: 'your-256-bit-secret-your-256-bit-secret' }, 'JWT_SECRET=<hidden, 39 characters>: is too easy to guess'],
    [
      'with APP_URL over plain http (links in e-mails in clear text, a Secure cookie browsers would not send)',
      { APP_URL: 'http://vicini.example' },
      'APP_URL="http://vicini.example": must be an https:// address in production',
    ],
    ['without SMTP_URL (e-mails would only reach the development mailbox)', { SMTP_URL: undefined }, 'SMTP_URL=undefined: is required in production'],
    ['seeding the demo', { SEED_DEMO: 'true' }, 'SEED_DEMO="true": cannot be true in production'],
  ])('%s', (_what, change, reason) => {
    const { status, output } = start({ ...production, ...change });
    expect(status).toBe(1);
    expect(output).toContain('Invalid configuration:');
    expect(output).toContain(reason);
    // Refused before touching anything: no database started, no demo logins printed, no secret shown.
    expect(output).not.toContain('Embedded PostgreSQL');
    expect(output).not.toContain('@vicini.demo');
    expect(output).not.toContain('s3cret');
    expect(output).not.toContain('aaaaaaaa');
    expect(output).not.toContain('256-bit-secret');
    // The process is refused in a second or two; a machine busy with other suites may take longer to load it.
  }, 70_000);
});
