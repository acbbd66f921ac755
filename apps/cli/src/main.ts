import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AuthService, generatePassword, openDatabase, RequestContext, UserRole, validateEnvironment } from '@vec/core';
import { parseArgs } from 'node:util';
import { CliModule } from './cli.module';

const USAGE = `Usage: npm run cli -- <command> [options]
  user:create --role <ministry|admin|shop|provider> --email <address> [--password <at least 12 characters>]
      Creates an account. Without --password (or NEW_USER_PASSWORD in the environment) a strong
      password is generated and printed once.`;

async function createUser(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  const role = values.role?.toUpperCase() as UserRole | undefined;
  const problems: string[] = [];
  if (!role || !Object.values(UserRole).includes(role)) problems.push('--role must be one of ministry, admin, shop, provider');
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('--email must be a valid e-mail address');
  const given = values.password ?? process.env.NEW_USER_PASSWORD;
  if (given !== undefined && given.length < 12) problems.push('--password must have at least 12 characters');
  if (problems.length > 0 || !role || !email) {
    console.error(problems.join('\n'));
    return 2;
  }
  const password = given ?? generatePassword();

  const env = validateEnvironment(process.env);
  const database = await openDatabase(env, () => undefined);
  const app = await NestFactory.createApplicationContext(CliModule.register(database.url), { logger: ['error', 'warn'] });
  try {
    const user = await app.get(AuthService).createUser(RequestContext.system(), { email, password, role });
    console.log(`Created ${user.role} account ${user.email} (id ${user.id})`);
    if (given === undefined) console.log(`Password (shown once): ${password}`);
    return 0;
  } catch (error) {
    if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
      console.error(`An account with e-mail ${email} already exists`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'user:create':
      return createUser(rest);
    default:
      console.error(USAGE);
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
