import { registerDecorator, ValidationOptions } from 'class-validator';
import { worded } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import { validatePartitaIva, type PartitaIvaFailure } from '../registry/partita-iva';

/** Which check a refused value failed: its form, its check digit or its office code. */
function failureOf(value: unknown): PartitaIvaFailure {
  const result = typeof value === 'string' ? validatePartitaIva(value) : undefined;
  return result && !result.ok ? result.reason : 'FORMAT';
}

/** A valid Italian Partita IVA: 11 digits, a valid office code and check digit; the refusal says which failed. */
export function IsPartitaIva(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPartitaIva',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...worded((path, _constraints, value) => MESSAGES.validation.partitaIva(path, failureOf(value))), ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && validatePartitaIva(value).ok },
    });
}
