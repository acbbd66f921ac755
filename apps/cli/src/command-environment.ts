import { DATABASE_VARIABLES, type DatabaseEnvironment, type Environment, InvalidEnvironmentError, RETENTION_VARIABLES, validateEnvironmentOf } from '@vec/core';

/**
 * What each command reads of the environment: it is checked for these alone (production's rules
 * about them included), so an operator sets only what the command uses. Every command opens the
 * database; none signs a token or sends an e-mail.
 */
export const COMMAND_VARIABLES = {
  migrate: DATABASE_VARIABLES,
  'migrate:revert': DATABASE_VARIABLES,
  // Writes the account and its audit event: no link is e-mailed, no session started.
  'user:create': DATABASE_VARIABLES,
  // Lists rows of the mail table: nothing is sent.
  mailbox: DATABASE_VARIABLES,
  retention: [...DATABASE_VARIABLES, ...RETENTION_VARIABLES],
} satisfies Record<string, readonly (keyof Environment)[]>;

export type CliCommand = keyof typeof COMMAND_VARIABLES;

/** The settings of one command, or a refusal naming the command and each wrong variable with why. */
export function commandEnvironment(command: CliCommand, raw: Record<string, unknown>): DatabaseEnvironment & Partial<Environment> {
  try {
    return validateEnvironmentOf(raw, COMMAND_VARIABLES[command]);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) throw new InvalidEnvironmentError(`Cannot run ${command}: ${error.message}`);
    throw error;
  }
}
