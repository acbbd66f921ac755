/**
 * The tax code of an organisation: a Partita IVA, or the numeric codice fiscale that chambers of
 * commerce, associations and municipalities hold without a VAT number. Both are 11 digits with the
 * same check digit; a numeric codice fiscale of a body that is not a business starts with 8 or 9
 * and has no office code, so only a Partita IVA is held to the office codes. Pure.
 */
import { validatePartitaIva, type PartitaIvaFailure } from '../shop/registry/partita-iva';

export type TaxCodeValidation = { ok: true; value: string } | { ok: false; reason: PartitaIvaFailure };

const ELEVEN_DIGITS = /^\d{11}$/;
const DOUBLED_DIGIT = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9] as const;

function checkDigitOf(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += i % 2 === 0 ? Number(digits[i]) : DOUBLED_DIGIT[Number(digits[i])];
  return (10 - (sum % 10)) % 10;
}

export function validateOrganisationTaxCode(input: string): TaxCodeValidation {
  const value = input.replace(/\s+/g, '').replace(/^IT/i, '');
  if (!ELEVEN_DIGITS.test(value)) return { ok: false, reason: 'FORMAT' };
  if (value[0] === '8' || value[0] === '9') {
    return checkDigitOf(value) === Number(value[10]) ? { ok: true, value } : { ok: false, reason: 'CHECK_DIGIT' };
  }
  return validatePartitaIva(value);
}
