import { auditExportUrl } from './audit-download';

describe('the audit export address', () => {
  it('carries the filter as query parameters, and the language only when English', () => {
    expect(auditExportUrl({})).toBe('/audit/events.csv');
    expect(auditExportUrl({ entityType: 'provider', action: 'provider.', from: '2026-03-01T00:00:00.000Z' })).toBe(
      '/audit/events.csv?entityType=provider&action=provider.&from=2026-03-01T00%3A00%3A00.000Z',
    );
    expect(auditExportUrl({ actorEmail: 'a@b.it', entityId: '' }, 'en')).toBe('/audit/events.csv?actorEmail=a%40b.it&lang=en');
  });
});
