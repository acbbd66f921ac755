import { InvalidEnvironmentError } from '@vec/core';
import { COMMAND_VARIABLES, commandEnvironment, type CliCommand } from './command-environment';

const DATABASE_URL = 'postgres://vicini:s3cret@db:5432/vicini';

/** What the API needs in production and no command reads: wrong, or missing, on purpose. */
const API_ONLY = { JWT_SECRET: 'short', SMTP_URL: 'not a url', MAIL_FROM: 'nobody', APP_URL: 'http://plain.example.org', PORT: 'abc', METRICS_PORT: '3000', OIDC_PROVIDERS: '[{"id":"x"}]', SEED_DEMO: 'true' };

const COMMANDS = Object.keys(COMMAND_VARIABLES) as CliCommand[];

function refusal(command: CliCommand, raw: Record<string, string | undefined>): string {
  try {
    commandEnvironment(command, raw);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.message;
    throw error;
  }
  throw new Error(`${command} accepted ${JSON.stringify(raw)}`);
}

describe('each command of the command line checks the settings it reads, and only those', () => {
  it('has a list for every command', () => {
    expect(COMMANDS.sort()).toEqual(['mailbox', 'migrate', 'migrate:revert', 'retention', 'user:create']);
  });

  it.each(COMMANDS)('%s runs in production with the database alone, whatever else is set or missing', (command) => {
    expect(commandEnvironment(command, { NODE_ENV: 'production', DATABASE_URL })).toMatchObject({ NODE_ENV: 'production', DATABASE_URL });
    expect(commandEnvironment(command, { NODE_ENV: 'production', DATABASE_URL, ...API_ONLY })).toMatchObject({ NODE_ENV: 'production', DATABASE_URL });
  });

  it.each(COMMANDS)('%s refuses production without DATABASE_URL, naming it and why', (command) => {
    expect(refusal(command, { NODE_ENV: 'production', ...API_ONLY })).toBe(
      `Cannot run ${command}: Invalid configuration:\n  DATABASE_URL=undefined: is required in production: the embedded PostgreSQL is for development only`,
    );
  });

  it.each(COMMANDS)('%s names every wrong database setting, each with its reason', (command) => {
    expect(refusal(command, { DATABASE_URL: 'mysql://db/vicini', DATABASE_CONNECT_TIMEOUT_SECONDS: 'soon' })).toBe(
      `Cannot run ${command}: Invalid configuration:\n` +
        '  DATABASE_URL="mysql://db/vicini": DATABASE_URL must be a postgres:// or postgresql:// URL\n' +
        '  DATABASE_CONNECT_TIMEOUT_SECONDS="soon": DATABASE_CONNECT_TIMEOUT_SECONDS must be an integer number',
    );
  });

  it('retention reads its periods: they are checked, and used as given', () => {
    expect(commandEnvironment('retention', { DATABASE_URL, RETENTION_MAIL_DAYS: '30', RETENTION_AUDIT_DAYS: '400' })).toMatchObject({ RETENTION_MAIL_DAYS: 30, RETENTION_AUDIT_DAYS: 400, RETENTION_SESSION_DAYS: 90 });
    expect(refusal('retention', { DATABASE_URL, RETENTION_AUDIT_DAYS: '30', RETENTION_SESSION_DAYS: 'a week' })).toBe(
      'Cannot run retention: Invalid configuration:\n' +
        '  RETENTION_SESSION_DAYS="a week": RETENTION_SESSION_DAYS must be an integer number\n' +
        '  RETENTION_AUDIT_DAYS="30": RETENTION_AUDIT_DAYS must not be less than 365',
    );
  });

  it.each(['user:create', 'mailbox'] as const)('%s does not read the retention periods, so a wrong one does not stop it', (command) => {
    expect(() => commandEnvironment(command, { DATABASE_URL, RETENTION_AUDIT_DAYS: '30' })).not.toThrow();
  });
});
