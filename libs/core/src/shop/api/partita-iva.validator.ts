import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { validatePartitaIva } from '../registry/partita-iva';

const REASONS: Record<string, string> = {
  FORMAT: 'must be 11 digits',
  CHECK_DIGIT: 'has a wrong check digit',
  OFFICE_CODE: 'has an invalid VAT office code (digits 8–10)',
};

/** A valid Italian Partita IVA: 11 digits, a valid office code and check digit. */
export function IsPartitaIva(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPartitaIva',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validatePartitaIva(value).ok,
        defaultMessage: (args: ValidationArguments) => {
          const result = typeof args.value === 'string' ? validatePartitaIva(args.value) : undefined;
          const reason = result && !result.ok ? REASONS[result.reason] : REASONS.FORMAT;
          return `${args.property} ${reason}`;
        },
      },
    });
}
