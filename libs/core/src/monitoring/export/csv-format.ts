import { stringify, Stringifier } from 'csv-stringify';

/**
 * CSV as Italian spreadsheets read it: UTF-8 with a byte-order mark (so accented names open
 * right), `;` between fields, decimal comma, ISO 8601 instants.
 */
export function csvStringifier(columns: readonly string[]): Stringifier {
  return stringify({
    bom: true,
    header: true,
    delimiter: ';',
    columns: [...columns],
    cast: {
      number: (value) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6).replace('.', ',')),
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}
