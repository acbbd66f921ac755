import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { acceptablePassword, AuthService, generatePassword, MailService, MESSAGES, normaliseEmailAddress, openDatabase, PASSWORD_MIN_LENGTH, passwordWeakness, RequestContext, RetentionService, UserRole } from '@vec/core';
import type { INestApplicationContext } from '@nestjs/common';
import { assertMigrated, runPendingMigrations } from '@vec/database';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { commandEnvironment, type CliCommand } from './command-environment';
import { revertLastMigration, withSchema } from './schema-commands';

const USAGE = `Usage: npm run cli -- <command> [options]   (in a container: node dist/apps/cli/src/main.js <command>); --help: this text
  migrate
      Applies the pending migrations (under an advisory lock: safe while other processes start).
      Reads only the database settings (DATABASE_URL; in production nothing else is required).
  migrate:revert
      Undoes the last applied migration (its down(), in one transaction). To roll back an upgrade:
      stop the new version, run it once for each migration the upgrade applied, start the old one.
      Reads only the database settings, as migrate does.
  user:create --role <ministry|admin|shop|provider|facilitator> --email <address> [--password <at least 12 characters other than spaces>]
      Creates an account. Without --password (or NEW_USER_PASSWORD in the environment) a strong
      password is generated and printed once. Reads only the database settings, as migrate does.
  mailbox [--limit <1-200, default 10>]
      Shows the newest e-mails of the development mailbox (where e-mails go when SMTP_URL is
      unset, outside production): recipient, subject and text. Reads only the database settings.
  retention [--dry-run]
      Purges or pseudonymises the personal data whose retention period has ended (what the
      worker does daily); with --dry-run, only says how many rows of each kind have expired.
      Reads the database settings and the retention periods (RETENTION_*_DAYS).

Each command checks only the settings it reads, and names every one that is missing or wrong.`;

async function migrate(argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true });
  return withSchema(commandEnvironment('migrate', process.env), { log: (line) => console.log(line), joinRunning: true }, async (dataSource) => {
    const applied = await runPendingMigrations(dataSource);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    return 0;
  });
}

async function revertMigration(argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true });
  return withSchema(commandEnvironment('migrate:revert', process.env), { log: (line) => console.log(line), joinRunning: true }, async (dataSource) => {
    const reverted = await revertLastMigration(dataSource);
    console.log(reverted ? `Reverted migration ${reverted}` : 'No migration to revert');
    return 0;
  });
}

/**
 * The platform's services for a command that reads or writes its tables, on the database the
 * environment names, once that database has every migration of this version (the API and workers
 * check the same: a command run before `migrate` names what is missing rather than an SQL error).
 */
async function withPlatform<T>(command: CliCommand, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const env = commandEnvironment(command, process.env);
  const database = await openDatabase(env, () => undefined, { joinRunning: true });
  try {
    const app = await NestFactory.createApplicationContext(CliModule.register(database.url, env), { logger: ['error', 'warn'] });
    try {
      await assertMigrated(app.get(DataSource));
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function createUser(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  const role = values.role?.toUpperCase() as UserRole | undefined;
  const problems: string[] = [];
  if (!role || !Object.values(UserRole).includes(role)) problems.push(`--role must be one of ${Object.values(UserRole).map((name) => name.toLowerCase()).join(', ')}`);
  const email = values.email === undefined ? undefined : normaliseEmailAddress(values.email);
  // As sign-up reads it: one address is one account, and a new one has a plain ASCII name before the @.
  if (!email || !/^[\x21-\x7e]+@[^\s@]+\.[^\s@]+$/.test(email) || /^[^@]*[^\x21-\x7e]/.test(email)) problems.push('--email must be a valid e-mail address');
  const given = values.password ?? process.env.NEW_USER_PASSWORD;
  if (given !== undefined && !acceptablePassword(given)) problems.push(`--password must have at least ${PASSWORD_MIN_LENGTH} characters other than spaces (and at most 128)`);
  else if (given !== undefined) {
    const weakness = passwordWeakness(given, email ? [email] : []);
    if (weakness) problems.push(MESSAGES.validation.passwordWeak('--password', weakness).en);
  }
  if (problems.length > 0 || !role || !email) {
    console.error(problems.join('\n'));
    return 2;
  }
  const password = given ?? generatePassword();

  return withPlatform('user:create', async (app) => {
    try {
      // Whoever runs the command knows the password (it was typed or printed here): the owner chooses their own at the first sign-in.
      const user = await app.get(AuthService).createUser(RequestContext.system(), { email, password, role, passwordChangeRequired: true });
      console.log(`Created ${user.role} account ${user.email} (id ${user.id})`);
      if (given === undefined) console.log(`Password (shown once): ${password}`);
      return 0;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        console.error(`An account with e-mail ${email} already exists`);
        return 1;
      }
      throw error;
    }
  });
}

async function mailbox(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { limit: { type: 'string' } }, strict: true });
  const limit = Number(values.limit ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    console.error('--limit must be a whole number from 1 to 200');
    return 2;
  }
  // In production every e-mail goes through SMTP: there is no development mailbox to read (said before any setting is asked for).
  if (process.env.NODE_ENV === 'production') {
    console.error('There is no development mailbox in production: e-mails go through SMTP_URL; staff see their delivery on the Outgoing mail page');
    return 2;
  }
  return withPlatform('mailbox', async (app) => {
    const mails = await app.get(MailService).devMailbox(RequestContext.system(), limit);
    if (mails.length === 0) console.log('The development mailbox is empty');
    for (const mail of mails) {
      console.log(['-'.repeat(72), `Date:    ${mail.createdAt.toISOString()}`, `To:      ${mail.recipient}`, `Subject: ${mail.subject}`, `Kind:    ${mail.kind} (${mail.language})`, '', mail.text, ''].join('\n'));
    }
    return 0;
  });
}

async function retention(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' } }, strict: true });
  return withPlatform('retention', async (app) => {
    const service = app.get(RetentionService);
    const report = values['dry-run'] ? await service.expired(RequestContext.system()) : await service.purge(RequestContext.system());
    console.log(values['dry-run'] ? `Dry run at ${report.at.toISOString()}: nothing changed` : `Retention run at ${report.at.toISOString()}`);
    for (const line of report.lines) {
      const verb = line.action === 'DELETE' ? 'delete' : 'pseudonymise';
      console.log(`${line.kind.padEnd(16)} ${String(line.days).padStart(5)} days  ${verb.padEnd(12)} before ${line.cutoff.toISOString()}  ${line.rows} row(s)`);
    }
    return 0;
  });
}

/** Options or arguments a command does not take (node:util's parseArgs): a usage error, as a missing command is. */
const isUsageError = (error: unknown): boolean => error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  // Asking for help does nothing else, whatever the command (`migrate --help` must not migrate).
  if (command === 'help' || process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(USAGE);
    return 0;
  }
  try {
    return await run(command, rest);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

async function run(command: string | undefined, rest: string[]): Promise<number> {
  switch (command) {
    case 'migrate':
      return migrate(rest);
    case 'migrate:revert':
      return revertMigration(rest);
    case 'user:create':
      return createUser(rest);
    case 'mailbox':
      return mailbox(rest);
    case 'retention':
      return retention(rest);
    case undefined:
      console.error(USAGE);
      return 2;
    default:
      console.error(`Unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
