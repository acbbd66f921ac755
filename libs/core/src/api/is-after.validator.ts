import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { MESSAGES } from '../messages';

/** A date later than the date in `property` of the same input (skipped while either is missing or not a valid date: other rules say so). */
export function IsAfter(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[property];
          const valid = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());
          return !valid(value) || !valid(other) || value.getTime() > other.getTime();
        },
        defaultMessage: (args: ValidationArguments) => MESSAGES.validation.after(args.property, property).en,
      },
    });
}
