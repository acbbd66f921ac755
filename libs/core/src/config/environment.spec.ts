import { enabledLogLevels, validateEnvironment } from './environment';

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
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads strings from the environment into typed values', () => {
    const env = validateEnvironment({ PORT: '8080', MIGRATIONS_RUN: 'false', DATABASE_URL: 'postgres://u:p@db:5432/vicini' });
    expect(env).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false, DATABASE_URL: 'postgres://u:p@db:5432/vicini' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATIONS_RUN: 'maybe' }, 'MIGRATIONS_RUN'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('rejects %j naming %s', (raw, variable) => {
    expect(() => validateEnvironment(raw)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}=`));
  });

  it('enables the chosen log level and every more severe one', () => {
    expect(enabledLogLevels('warn')).toEqual(['error', 'warn']);
  });
});
