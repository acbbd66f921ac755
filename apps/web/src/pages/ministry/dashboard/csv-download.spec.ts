import { EXPORT_NAMES } from '@vec/core/monitoring/export/export-catalogue';
import { EXPORTS, exportUrl } from './csv-download';

describe('the CSV downloads', () => {
  it('offers exactly the exports the API serves', () => {
    expect([...EXPORTS].sort()).toEqual([...EXPORT_NAMES].sort());
  });

  it('passes the filter as query parameters, leaving out the empty ones', () => {
    expect(exportUrl('unmet-demand', {})).toBe('/exports/unmet-demand.csv');
    expect(exportUrl('kpis', { regionCode: '01', category: 'ONLINE_STORE', from: '2026-03-01T00:00:00.000Z', provinceCode: undefined })).toBe(
      '/exports/kpis.csv?regionCode=01&category=ONLINE_STORE&from=2026-03-01T00%3A00%3A00.000Z',
    );
  });
});
