import { headerOf } from '../../monitoring/export/export-columns';
import { AUDIT_CSV_COLUMNS } from './audit-csv-columns';

describe('the columns of the audit trail export', () => {
  it.each(['it', 'en'] as const)('have distinct headers for people in %s, never the query’s column names', (language) => {
    const headers = headerOf(AUDIT_CSV_COLUMNS, language).map((c) => c.header);
    expect(new Set(headers).size).toBe(AUDIT_CSV_COLUMNS.length);
    expect(headers.filter((header) => /_|^[a-z]+[A-Z]/.test(header))).toEqual([]);
  });

  it('name every column once', () => {
    const keys = AUDIT_CSV_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
