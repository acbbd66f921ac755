import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment } from './environment';
import { printable, productionProblems } from './production-checks';

export class InvalidEnvironmentError extends Error {}

const TYPE_RULES = ['isInt', 'isNumber', 'isBoolean', 'isString'];

/** A value of the wrong kind is reported as such, not by the bounds it also misses. */
function reasonOf(constraints: Record<string, string>): string {
  const type = TYPE_RULES.find((rule) => constraints[rule]);
  return type ? constraints[type] : Object.values(constraints).join('; ');
}

/** Parses and checks the environment; throws naming every wrong variable and why. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  return checked(raw);
}

/** What reaching the database takes: a command that only changes the schema reads nothing else. */
export const DATABASE_VARIABLES = ['NODE_ENV', 'DATABASE_URL', 'DATABASE_CONNECT_TIMEOUT_SECONDS', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT'] as const;

export type DatabaseEnvironment = Pick<Environment, (typeof DATABASE_VARIABLES)[number]>;

/**
 * Checks only the variables a command reads, with production's rules about them (DATABASE_URL is
 * required there): a one-off command needs no signing key nor SMTP server unless it uses them, and
 * is not refused for a variable it never reads. The others are not read from `raw`: they keep
 * their defaults.
 */
export function validateEnvironmentOf<K extends keyof Environment>(raw: Record<string, unknown>, variables: readonly K[]): Pick<Environment, K> {
  return checked(Object.fromEntries(variables.map((name) => [name, raw[name]])), variables);
}

/** The database settings alone: for the commands that apply or revert migrations. */
export function validateDatabaseEnvironment(raw: Record<string, unknown>): DatabaseEnvironment {
  return validateEnvironmentOf(raw, DATABASE_VARIABLES);
}

/** Every variable's shape, then production's rules (those about `only`, when given). */
function checked(raw: Record<string, unknown>, only?: readonly string[]): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  // The value as it was given (PORT=abc, not the NaN it became), and why: the wrong kind of value first.
  const lines = errors.map((error) => `  ${error.property}=${printable(error.property, present[error.property] ?? error.value)}: ${reasonOf(error.constraints ?? {})}`);
  // Production's own rules only once every value has the right shape.
  if (lines.length === 0) {
    for (const { variable, reason } of productionProblems(env)) {
      if (only && !only.includes(variable)) continue;
      lines.push(`  ${variable}=${printable(variable, env[variable as keyof Environment])}: ${reason}`);
    }
  }
  if (lines.length > 0) throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  return env;
}
