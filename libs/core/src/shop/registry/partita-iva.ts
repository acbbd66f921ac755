/**
 * Italian VAT number (Partita IVA) validation.
 *
 * A Partita IVA is 11 digits: a 7-digit serial, a 3-digit province-office code ("codice ufficio",
 * digits 8–10) and a Luhn-style check digit. Pure: no I/O, no lookups against the Agenzia delle
 * Entrate registry, so a number that passes here is well-formed, not necessarily assigned.
 */

export type PartitaIvaFailure = 'FORMAT' | 'CHECK_DIGIT' | 'OFFICE_CODE';

export type PartitaIvaValidation = { ok: true; value: string } | { ok: false; reason: PartitaIvaFailure };

const ELEVEN_DIGITS = /^\d{11}$/;

// Users paste numbers from invoices and visure, which print them as "IT 01234567890" or with spaces.
const WHITESPACE = /\s+/g;
const COUNTRY_PREFIX = /^IT/i;

// Besides the provincial offices 001–100, only these codes are issued; anything else (000, 101–119,
// 150, …) cannot come from a real registration, however good its check digit.
const SPECIAL_OFFICE_CODES: ReadonlySet<number> = new Set([120, 121, 888, 999]);

/** The digit a doubled digit contributes: 2d, minus 9 when it has two digits. */
const DOUBLED_DIGIT = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9] as const;

/**
 * Validates a Partita IVA, returning the normalised 11-digit value or the first rule it breaks.
 * The check digit is tested before the office code: a typo is far more likely than a bad office.
 */
export function validatePartitaIva(input: string): PartitaIvaValidation {
  const value = input.replace(WHITESPACE, '').replace(COUNTRY_PREFIX, '');
  if (!ELEVEN_DIGITS.test(value)) return { ok: false, reason: 'FORMAT' };
  if (checkDigitOf(value) !== Number(value[10])) return { ok: false, reason: 'CHECK_DIGIT' };
  if (!isValidOfficeCode(Number(value.slice(7, 10)))) return { ok: false, reason: 'OFFICE_CODE' };
  return { ok: true, value };
}

export function isValidPartitaIva(input: string): boolean {
  return validatePartitaIva(input).ok;
}

/**
 * A Partita IVA as a spreadsheet gives it back once it took it for a number: the leading zeros it
 * dropped (06018950011 → 6018950011; 00488410010 → 488410010) put back, when the digits so padded
 * are a valid Partita IVA (one or two zeros); null for anything else. Only for files: a number typed in a form that
 * lacks a digit is a typo, not a lost zero.
 */
export function partitaIvaWithLostZeros(text: string): string | null {
  const digits = text.trim();
  // Two zeros at most: a real number's serial seldom starts with more, and a cell of a few digits
  // (an employee count in the wrong column) padded to eleven may pass the check digit by chance.
  if (!/^\d{9,10}$/.test(digits)) return null;
  const padded = digits.padStart(11, '0');
  return validatePartitaIva(padded).ok ? padded : null;
}

/** Check digit over the first ten digits: odd positions (1st, 3rd, …) as they are, even ones doubled. */
function checkDigitOf(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(digits[i]);
    sum += i % 2 === 0 ? digit : DOUBLED_DIGIT[digit];
  }
  return (10 - (sum % 10)) % 10;
}

function isValidOfficeCode(code: number): boolean {
  return (code >= 1 && code <= 100) || SPECIAL_OFFICE_CODES.has(code);
}
