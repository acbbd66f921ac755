import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE for a duplicate key. */
const UNIQUE_VIOLATION = '23505';

/**
 * The unique constraint a failed statement broke, or undefined when it failed for another reason.
 * A race two requests run at once (the same e-mail, the same Partita IVA) ends here: the database
 * decides, and the caller answers as if it had seen the other row first.
 */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION ? (driverError.constraint ?? '') : undefined;
}

/** Whether a failed statement broke a unique constraint (this one, when named). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const violated = violatedUniqueConstraint(error);
  return violated !== undefined && (constraint === undefined || violated === constraint);
}
