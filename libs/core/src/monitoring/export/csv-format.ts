import { stringify, Stringifier } from 'csv-stringify';
import { italianDate, italianIsoInstant } from '../../common/time';

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

/** The filter a staff export was asked with, as its query carries it (each value already validated). */
export interface ExportFilterWords {
  regionCode?: string;
  provinceCode?: string;
  category?: string;
  atecoSection?: string;
  from?: Date;
  to?: Date;
}

/**
 * The file's name says what it holds: the export, the filter it was asked with (so that two files
 * of different areas or periods do not look alike in a folder) and the Italian day it was made.
 */
export function exportFileName(name: string, filter: ExportFilterWords, now: Date): string {
  const parts = [
    filter.regionCode && `regione-${filter.regionCode}`,
    filter.provinceCode && `provincia-${filter.provinceCode}`,
    filter.category && `servizio-${filter.category}`,
    filter.atecoSection && `ateco-${filter.atecoSection}`,
    filter.from && `dal-${italianDate(filter.from)}`,
    // `to` is exclusive: the name says the last day included, as the dashboard's "Al" does.
    filter.to && `al-${italianDate(new Date(filter.to.getTime() - 1))}`,
  ].filter((part): part is string => Boolean(part));
  return ['vicini-e-connessi', name, ...parts, italianDate(now)].join('-') + '.csv';
}
