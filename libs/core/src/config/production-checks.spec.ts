import { randomBytes } from 'node:crypto';
import { validateDatabaseEnvironment, validateEnvironment } from './validate-environment';
import { DEVELOPMENT_JWT_SECRET } from './production-checks';
import { MIN_SECRET_GUESSES_LOG10, secretGuessesLog10 } from './secret-strength';

const STRONG = 'kH3x9Qm2ZpV7wL1tR8sD4fG6jN0bC5yA-uE_iO2oP9lK3mJ7';
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://vicini:s3cret@db:5432/vicini', JWT_SECRET: STRONG, SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'Vicini e connessi <noreply@example.org>', APP_URL: 'https://vicini.example.org' };

describe('production refuses unsafe settings', () => {
  it('starts with a database, its own strong key, and no demo', () => {
    expect(validateEnvironment(PRODUCTION)).toMatchObject({ NODE_ENV: 'production', SEED_DEMO: 'auto' });
  });

  it.each([
    ['without DATABASE_URL', { DATABASE_URL: undefined }, /DATABASE_URL=undefined: is required in production/],
    ['without JWT_SECRET', { JWT_SECRET: undefined }, /JWT_SECRET=undefined: is required in production/],
    ['with the development key', { JWT_SECRET: DEVELOPMENT_JWT_SECRET }, /JWT_SECRET=<hidden, 58 characters>: is the development key/],
    [
      'with a key of one repeated character',
      { JWT_SECRET: 'a'.repeat(64) },
      /JWT_SECRET=<hidden, 64 characters>: is too easy to guess \(about 10\^\d guesses, at least 10\^40 needed\): generate a random one with `openssl rand -base64 48`/,
    ],
    ['with a key made of a word repeated', { JWT_SECRET: 'password'.repeat(6) }, /JWT_SECRET=<hidden, 48 characters>: is too easy to guess/],
    ['without SMTP_URL', { SMTP_URL: undefined }, /SMTP_URL=undefined: is required in production: without it e-mails would only reach the development mailbox/],
    ['without MAIL_FROM', { MAIL_FROM: undefined }, /MAIL_FROM=undefined: is required in production/],
    ['without APP_URL', { APP_URL: undefined }, /APP_URL=undefined: is required in production/],
    [
      'with APP_URL over plain http',
      { APP_URL: 'http://vicini.example.org' },
      /APP_URL="http:\/\/vicini.example.org": must be an https:\/\/ address in production: the links in e-mails .* would travel unencrypted, and browsers send the Secure session cookie over https only/,
    ],
    ['seeding the demo', { SEED_DEMO: 'true' }, /SEED_DEMO="true": cannot be true in production/],
    ['with an insecure session cookie', { COOKIE_SECURE: 'false' }, /COOKIE_SECURE="false": cannot be false in production/],
    ['trusting every proxy', { TRUST_PROXY: 'true' }, /TRUST_PROXY="true": cannot trust every proxy in production .*every client could then name its own address/],
    ['trusting every address through wide subnets', { TRUST_PROXY: '0.0.0.0/1,128.0.0.0/1' }, /TRUST_PROXY="0.0.0.0\/1,128.0.0.0\/1": cannot trust every proxy in production/],
    ['trusting more hops than any deployment has', { TRUST_PROXY: '99' }, /TRUST_PROXY="99": cannot trust every proxy in production \(true, more than 5 hops/],
    [
      'with an identity provider over plain http',
      { OIDC_PROVIDERS: JSON.stringify([{ id: 'locale', kind: 'oidc', name: 'Locale', issuer: 'http://idp.example.org', clientId: 'vicini', clientSecret: 'segreto-del-client' }]) },
      /OIDC_PROVIDERS=<hidden, \d+ characters>: provider "locale" is reached over plain http: production needs https/,
    ],
    ['with an identity provider configured wrongly', { OIDC_PROVIDERS: '[{"id":"x"}]' }, /OIDC_PROVIDERS=<hidden, 12 characters>: \[0\]\.kind must be spid, cie or oidc/],
  ])('refuses to start %s, naming the variable', (_what, change, message) => {
    expect(() => validateEnvironment({ ...PRODUCTION, ...change })).toThrow(message);
  });

  it('never prints the key or a database password', () => {
    let message = '';
    try {
      validateEnvironment({ ...PRODUCTION, JWT_SECRET: 'short', DATABASE_URL: 'mysql://vicini:s3cret@db/vicini' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('JWT_SECRET=<hidden, 5 characters>');
    expect(message).toContain('DATABASE_URL="mysql://vicini:***@db/vicini"');
    expect(message).not.toContain('short');
    expect(message).not.toContain('s3cret');
  });

  it('allows development and tests their conveniences', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'development', SEED_DEMO: 'true' })).not.toThrow();
    expect(() => validateEnvironment({ NODE_ENV: 'test' })).not.toThrow();
  });

  it('asks a migration job for the database only: no key, no SMTP server, nothing it does not read', () => {
    const job = { NODE_ENV: 'production', DATABASE_URL: PRODUCTION.DATABASE_URL, PORT: 'not read', JWT_SECRET: 'short' };
    expect(validateDatabaseEnvironment(job)).toMatchObject({ NODE_ENV: 'production', DATABASE_URL: PRODUCTION.DATABASE_URL, DATABASE_CONNECT_TIMEOUT_SECONDS: 30 });
    expect(() => validateDatabaseEnvironment({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration:\n {2}DATABASE_URL=undefined: is required in production: the embedded PostgreSQL is for development only$/);
    expect(() => validateDatabaseEnvironment({ ...job, DATABASE_URL: 'mysql://db/vicini' })).toThrow(/^Invalid configuration:\n {2}DATABASE_URL="mysql:\/\/db\/vicini": DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/);
    // One message per fault, and the fault named: a URL that is not postgres://, or one that does not parse (a port out of range).
    expect(() => validateDatabaseEnvironment({ ...job, DATABASE_URL: 'postgres//db/vicini' })).toThrow(/^Invalid configuration:\n {2}DATABASE_URL="postgres\/\/db\/vicini": DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/);
    expect(() => validateDatabaseEnvironment({ ...job, DATABASE_URL: 'postgres://u:p@127.0.0.1:99999/db' })).toThrow(
      /^Invalid configuration:\n {2}DATABASE_URL="postgres:\/\/u:\*+@127\.0\.0\.1:99999\/db": DATABASE_URL cannot be read as a URL: check that the port is a number from 1 to 65535/,
    );
  });

  // Keys people do use: jwt.io's example, words and years, the alphabet, l33t spellings, Italian phrases.
  it.each([
    'password1234567890password1234567890',
    'abcdefghijklmnopqrstuvwxyzABCDEF',
    'your-256-bit-secret-your-256-bit-secret',
    'my-super-secret-jwt-key-for-production-2026',
    '0123456789abcdefghijklmnopqrstuvwxyz',
    'vicini-e-connessi-production-jwt-secret-key',
    'changeme-changeme-changeme-changeme',
    'secretsecretsecretsecretsecretsecret',
    'qwertyuiopasdfghjklzxcvbnm1234567890',
    'ThisIsMyVerySecretKeyForTheJwtTokens2026!',
    'my-sup3r-s3cr3t-jwt-k3y-f0r-pr0duct10n-2026',
    'la-mia-chiave-segreta-per-la-produzione-2026',
  ])('refuses the guessable key %s', (key) => {
    expect(() => validateEnvironment({ ...PRODUCTION, JWT_SECRET: key })).toThrow(new RegExp(`JWT_SECRET=<hidden, ${key.length} characters>: is too easy to guess`));
  });

  it('accepts random keys as `openssl rand -base64 48` and `openssl rand -hex 32` make them', () => {
    for (let sample = 0; sample < 5; sample += 1) {
      for (const key of [randomBytes(48).toString('base64'), randomBytes(32).toString('hex')]) {
        // Far above the threshold (about 60 for both), not just over it.
        expect(secretGuessesLog10(key)).toBeGreaterThan(MIN_SECRET_GUESSES_LOG10 + 10);
        expect(() => validateEnvironment({ ...PRODUCTION, JWT_SECRET: key })).not.toThrow();
      }
    }
  }, 60_000);
});
