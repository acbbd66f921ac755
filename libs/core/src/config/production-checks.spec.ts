import { validateEnvironment } from './environment';
import { DEVELOPMENT_JWT_SECRET, estimatedBits } from './production-checks';

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
    ['with a key of one repeated character', { JWT_SECRET: 'a'.repeat(64) }, /JWT_SECRET=<hidden, 64 characters>: is too easy to guess \(about 0 bits/],
    ['with a key made of a word repeated', { JWT_SECRET: 'password'.repeat(6) }, /JWT_SECRET=<hidden, 48 characters>: is too easy to guess/],
    ['without SMTP_URL', { SMTP_URL: undefined }, /SMTP_URL=undefined: is required in production: without it e-mails would only reach the development mailbox/],
    ['without MAIL_FROM', { MAIL_FROM: undefined }, /MAIL_FROM=undefined: is required in production/],
    ['without APP_URL', { APP_URL: undefined }, /APP_URL=undefined: is required in production/],
    ['seeding the demo', { SEED_DEMO: 'true' }, /SEED_DEMO="true": cannot be true in production/],
    ['with an insecure session cookie', { COOKIE_SECURE: 'false' }, /COOKIE_SECURE="false": cannot be false in production/],
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

  it('estimates the bits of a random key far above the threshold, and of patterns far below', () => {
    expect(estimatedBits(STRONG)).toBeGreaterThan(200);
    expect(estimatedBits('abababababababababababababababab')).toBe(32);
  });
});
