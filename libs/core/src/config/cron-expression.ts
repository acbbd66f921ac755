import { parseExpression } from 'cron-parser';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { MESSAGES } from '../messages';

/** Why a cron expression cannot be scheduled, in the words of the parser the job queue uses; null if it can. */
export function cronProblem(expression: string): string | null {
  try {
    parseExpression(expression, { tz: 'UTC' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A cron expression the job queue (pg-boss, through cron-parser) accepts: checked at start, so a
 * wrong schedule stops the process before it touches the database.
 */
export function IsCronExpression(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && cronProblem(value) === null,
        defaultMessage: (args) => MESSAGES.config.cronExpression(String(args?.property), String(cronProblem(String(args?.value)))).en,
      },
    });
}
