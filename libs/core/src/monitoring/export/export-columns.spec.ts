import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGGREGATE_EXPORTS, columnsOf, EXPORT_NAMES } from './export-catalogue';
import { headerOf, OPEN_DATA_COLUMNS, renderExportDocs, withWords } from './export-columns';

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

  it('write each code in words beside it, in the file language, from a column of the same file that comes before', () => {
    for (const name of EXPORT_NAMES) {
      const columns = columnsOf(name);
      columns.forEach((column, i) => {
        if (column.from === undefined) return;
        expect([name, column.key, columns.findIndex((c) => c.key === column.from) === i - 1]).toEqual([name, column.key, true]);
      });
    }
    const columns = columnsOf('matches');
    const row = { id: 'm1', state: 'WAITLISTED', origin: 'CALL', category: 'HOME_DELIVERY', coverage_level: 'NATIONAL', end_reason: 'OFFER_CLOSED' };
    expect(withWords(row, columns, 'it')).toMatchObject({
      ...row,
      state_label: 'In lista d’attesa',
      origin_label: 'Graduatoria di un bando',
      category_label: 'Consegna a domicilio',
      coverage_level_label: 'Tutta Italia',
    });
    expect(withWords(row, columns, 'en')).toMatchObject({ state_label: 'On the waitlist', origin_label: 'Ranking of a selection call', coverage_level_label: 'All of Italy' });
    // Several codes in one cell, an empty cell, and a code with no words (kept as it is).
    const offers = columnsOf('offers');
    expect(withWords({ status: 'PAUSED', categories: 'WEBSITE|CONNECTIVITY' }, offers, 'it')).toMatchObject({ status_label: 'In pausa', categories_label: 'Sito web | Connettività' });
    expect(withWords({ status: null, categories: '' }, offers, 'it')).toMatchObject({ status_label: null, categories_label: null });
    expect(withWords({ status: 'ARCHIVED', categories: 'WEBSITE' }, offers, 'en')).toMatchObject({ status_label: 'ARCHIVED', categories_label: 'Website' });
  });
});
