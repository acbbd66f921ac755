import { registerDecorator } from 'class-validator';
import { MESSAGES } from '../messages';

/**
 * A bound that must not be below another setting (LOGIN_LOCKOUT_MAX_SECONDS and
 * LOGIN_LOCKOUT_SECONDS): otherwise the pair would say two things and one of them would be ignored.
 */
export function IsNotBelow(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBelow',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args) => {
          const bound = (args?.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
        defaultMessage: (args) => MESSAGES.config.notBelow(String(args?.property), other, Number((args?.object as Record<string, unknown>)[other])).en,
      },
    });
}
