import { registerDecorator, ValidationOptions } from 'class-validator';
import { worded } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import type { PartitaIvaFailure } from '../../shop/registry/partita-iva';
import { validateOrganisationTaxCode } from '../organisation-tax-code';

function failureOf(value: unknown): PartitaIvaFailure {
  const result = typeof value === 'string' ? validateOrganisationTaxCode(value) : undefined;
  return result && !result.ok ? result.reason : 'FORMAT';
}

/** A Partita IVA or numeric codice fiscale of an organisation; the refusal says which check failed. */
export function IsOrganisationTaxCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOrganisationTaxCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...worded((path, _constraints, value) => MESSAGES.facilitator.taxCode(path, failureOf(value))), ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && validateOrganisationTaxCode(value).ok },
    });
}
