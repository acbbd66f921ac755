import { enabledLogLevels } from './environment';
import { validateEnvironment } from './validate-environment';

describe('validateEnvironment', () => {
  it('applies the documented defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      EMBEDDED_PG_DIR: '.data/postgres',
      EMBEDDED_PG_PORT: 54329,
      MIGRATIONS_RUN: true,
      LOG_LEVEL: 'log',
      MAX_LIVE_MATCHES_PER_SHOP: 3,
      MATCH_RESPONSE_DAYS: 5,
      RUN_WORKER: true,
      WORKER_POLL_SECONDS: 2,
    });
    expect(env.ALLOCATION_SCHEDULE).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('takes ALLOCATION_SCHEDULE=off, which removes the stored schedule', () => {
    expect(validateEnvironment({ ALLOCATION_SCHEDULE: 'off' }).ALLOCATION_SCHEDULE).toBe('off');
    expect(() => validateEnvironment({ ALLOCATION_SCHEDULE: 'none' })).toThrow(/ALLOCATION_SCHEDULE must be a 5-field cron expression, e\.g\. "0 2 \* \* \*", or off/);
  });

  it('takes SMTP servers by name, address or IPv6 address, with or without credentials and port', () => {
    for (const url of ['smtp://mail.example.org', 'smtp://user:p%40ss@mail.example.org:587', 'smtps://u:p@203.0.113.7:465', 'smtp://[2001:db8::25]:25', 'smtp://localhost:25/']) {
      expect(validateEnvironment({ SMTP_URL: url }).SMTP_URL).toBe(url);
    }
  });

  it('reads strings from the environment into typed values', () => {
    const env = validateEnvironment({ PORT: '8080', MIGRATIONS_RUN: 'false', DATABASE_URL: 'postgres://u:p@db:5432/vicini', WORKER_POLL_SECONDS: '0.5', ALLOCATION_SCHEDULE: '0 2 * * *' });
    expect(env).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false, DATABASE_URL: 'postgres://u:p@db:5432/vicini', WORKER_POLL_SECONDS: 0.5, ALLOCATION_SCHEDULE: '0 2 * * *' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://:::' }, 'DATABASE_URL'],
    [{ TRUST_PROXY: 'foo' }, 'TRUST_PROXY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATIONS_RUN: 'maybe' }, 'MIGRATIONS_RUN'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MAX_LIVE_MATCHES_PER_SHOP: '0' }, 'MAX_LIVE_MATCHES_PER_SHOP'],
    [{ MATCH_RESPONSE_DAYS: 'tre' }, 'MATCH_RESPONSE_DAYS'],
    [{ WORKER_POLL_SECONDS: '0.1' }, 'WORKER_POLL_SECONDS'],
    [{ RUN_WORKER: 'sometimes' }, 'RUN_WORKER'],
    [{ ALLOCATION_SCHEDULE: 'every night' }, 'ALLOCATION_SCHEDULE'],
    [{ LOGIN_LOCKOUT_SECONDS: '1000', LOGIN_LOCKOUT_MAX_SECONDS: '10' }, 'LOGIN_LOCKOUT_MAX_SECONDS'],
    [{ LOGIN_LOCKOUT_SECONDS: '1000' }, 'LOGIN_LOCKOUT_MAX_SECONDS'],
    [{ SMTP_URL: 'smtp://user:secret@' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.org:587/extra/path' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
  ])('rejects %j naming %s', (raw, variable) => {
    expect(() => validateEnvironment(raw)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}=`));
  });

  it.each([
    // The value as given, or the default when METRICS_PORT is unset and PORT takes its port.
    [{ PORT: '8080', METRICS_PORT: '8080' }, '"8080"', 8080],
    [{ METRICS_PORT: '3000' }, '"3000"', 3000],
    [{ PORT: '9464' }, '9464', 9464],
  ])('refuses %j: the metrics port must differ from PORT, and says so naming METRICS_PORT', (raw, shown, port) => {
    expect(() => validateEnvironment(raw)).toThrow(
      new RegExp(`^Invalid configuration:\\n  METRICS_PORT=${shown}: METRICS_PORT must differ from PORT \\(${port}\\), the port of the API's HTTP server: choose another port for the metrics, or 0 for no metrics endpoint$`),
    );
  });

  it('accepts a metrics port apart from PORT, and 0 (no metrics endpoint) whatever PORT is', () => {
    expect(validateEnvironment({ PORT: '8080', METRICS_PORT: '8081' })).toMatchObject({ PORT: 8080, METRICS_PORT: 8081 });
    expect(validateEnvironment({ PORT: '8080', METRICS_PORT: '0' })).toMatchObject({ PORT: 8080, METRICS_PORT: 0 });
  });

  it('names only PORT when PORT itself is wrong, not the metrics port beside it', () => {
    expect(() => validateEnvironment({ PORT: 'abc', METRICS_PORT: '9464' })).toThrow(/^Invalid configuration:\n {2}PORT="abc": PORT must be an integer number$/);
  });

  it('enables the chosen log level and every more severe one', () => {
    expect(enabledLogLevels('warn')).toEqual(['error', 'warn']);
  });
});
