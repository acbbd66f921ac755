import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGGREGATE_EXPORTS, columnsOf, EXPORT_NAMES } from './export-catalogue';
import { headerOf, OPEN_DATA_COLUMNS, renderExportDocs } from './export-columns';

describe('the columns of the CSV exports and open data', () => {
  it('are documented in docs/exports.md exactly as declared (npm run docs:exports rewrites it)', () => {
    expect(readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'docs', 'exports.md'), 'utf8')).toBe(renderExportDocs());
  });

  it('head every file, aggregate or streamed, in Italian by default and in English on request, each header once', () => {
    expect(EXPORT_NAMES.length).toBeGreaterThan(AGGREGATE_EXPORTS.length);
    for (const columns of [...EXPORT_NAMES.map(columnsOf), OPEN_DATA_COLUMNS]) {
      for (const language of ['it', 'en'] as const) {
        const headers = headerOf(columns, language).map((c) => c.header);
        expect(new Set(headers).size).toBe(headers.length);
        // No programmer's names: camelCase or snake_case keys are not headers.
        for (const header of headers) expect(header).not.toMatch(/^[a-z]+([A-Z_][a-z0-9]+)+$/);
      }
    }
    expect(headerOf(columnsOf('breakdown-region'), 'it').slice(0, 4).map((c) => c.header)).toEqual(['Codice', 'Nome', 'Attività registrate', 'Richieste']);
    expect(headerOf(columnsOf('breakdown-region'), 'en').slice(0, 4).map((c) => c.header)).toEqual(['Code', 'Name', 'Registered shops', 'Requests']);
  });
});
