import { EXPORT_NAMES } from '@vec/core/monitoring/export/export-catalogue';
import { ExportFailedError, EXPORTS, exportUrl } from './csv-download';

describe('the CSV downloads', () => {
  it('offers exactly the exports the API serves', () => {
    expect([...EXPORTS].sort()).toEqual([...EXPORT_NAMES].sort());
  });

  it('passes the filter as query parameters, leaving out the empty ones', () => {
    expect(exportUrl('unmet-demand', {})).toBe('/exports/unmet-demand.csv');
    expect(exportUrl('kpis', { regionCode: '01', category: 'ONLINE_STORE', from: '2026-03-01T00:00:00.000Z', provinceCode: undefined })).toBe(
      '/exports/kpis.csv?regionCode=01&category=ONLINE_STORE&from=2026-03-01T00%3A00%3A00.000Z',
    );
    expect(exportUrl('shops', { regionCode: '01' }, 'en')).toBe('/exports/shops.csv?regionCode=01&lang=en');
  });

  it('words a refusal with the field at fault, in the reader\'s language', () => {
    const refused = new ExportFailedError(400, {
      message: 'Invalid input',
      fields: [{ message: 'from: the period has more than 400 days or weeks', messageIt: 'from: il periodo supera 400 giorni o settimane' }],
    });
    expect(refused.reason('it')).toBe('from: il periodo supera 400 giorni o settimane');
    expect(refused.reason('en')).toBe('from: the period has more than 400 days or weeks');
    expect(new ExportFailedError(403, { message: 'Your role may not do this' }).reason('en')).toBe('Your role may not do this');
    expect(new ExportFailedError(500, null).reason('it')).toBeUndefined();
  });
});
