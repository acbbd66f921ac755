import { registerDecorator, ValidationOptions } from 'class-validator';

/** Whether a URL parses as Node (and the PostgreSQL driver, which reads DATABASE_URL the same way) parses it. */
export function isParsableUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a DATABASE_URL, if anything: not a postgres:// URL at all, or one that does
 * not parse (a port out of range, a password with a reserved character not percent-encoded).
 */
export function databaseUrlProblem(value: unknown): 'scheme' | 'unreadable' | null {
  if (typeof value !== 'string' || !/^postgres(ql)?:\/\/\S+$/.test(value)) return 'scheme';
  return isParsableUrl(value) ? null : 'unreadable';
}

/** DATABASE_URL, checked at start with one message that names what is wrong with it. */
export function IsDatabaseUrl(messages: Record<'scheme' | 'unreadable', string>, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDatabaseUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => databaseUrlProblem(value) === null, defaultMessage: (args) => messages[databaseUrlProblem(args?.value) ?? 'scheme'] },
    });
}
