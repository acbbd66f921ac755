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

/** A URL the process will hand to a library, checked at start rather than failing there later. */
export function IsParsableUrl(message: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isParsableUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: isParsableUrl, defaultMessage: () => message },
    });
}
