import { stringify, Stringifier } from 'csv-stringify';
import { italianIsoInstant } from '../../common/time';

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula is prefixed with an apostrophe, so spreadsheets show it as text. */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * CSV as Italian spreadsheets read it: UTF-8 with a byte-order mark (so accented names open
 * right), `;` between fields, decimal comma, ISO 8601 instants, and no text a spreadsheet would
 * run: what shops and providers typed is data, never a formula. Instants are ISO 8601 in Italian
 * time with their offset, so that each reads as the Italian day and hour it fell on.
 */
export function csvStringifier(columns: readonly { key: string; header: string }[]): Stringifier {
  return stringify({
    bom: true,
    header: true,
    delimiter: ';',
    columns: [...columns],
    cast: {
      string: neutraliseFormula,
      number: (value) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6).replace('.', ',')),
      date: (value) => italianIsoInstant(value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}
