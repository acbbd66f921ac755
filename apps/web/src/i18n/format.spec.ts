import i18next from 'i18next';
import englishCatalogue from './en.json';
import { addNumberFormat, formatDate, formatNumber, formatPercent } from './format';
import italianCatalogue from './it.json';

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

async function translator(language: 'it' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { it: { translation: italianCatalogue }, en: { translation: englishCatalogue } }, lng: language, interpolation: { escapeValue: false } });
  addNumberFormat(instance);
  return instance;
}

describe('numbers and dates in the page language', () => {
  it.each([
    [7904, 'it', '7.904'],
    [3455, 'it', '3.455'],
    [1234567, 'it', '1.234.567'],
    [7904, 'en', '7,904'],
    [999, 'it', '999'],
  ])('groups the thousands of %d in %s, four digits too: %s', (value, language, text) => {
    expect(formatNumber(value, language)).toBe(text);
  });

  it('writes decimals and percentages as each language does', () => {
    expect(formatNumber(12.5, 'it', 1)).toBe('12,5');
    expect(formatNumber(12.5, 'en', 1)).toBe('12.5');
    expect(formatPercent(0.355, 'it')).toBe('35,5%');
    expect(formatPercent(0.355, 'en')).toBe('35.5%');
    expect(formatPercent(null, 'it')).toBe('–');
  });

  it('writes dates in words, day first', () => {
    expect(formatDate('2026-03-05T12:00:00Z', 'it')).toBe('5 marzo 2026');
    expect(formatDate('2026-03-05T12:00:00Z', 'en')).toBe('5 March 2026');
  });

  it('formats every count the translations print', async () => {
    const it_ = await translator('it');
    const en = await translator('en');
    expect(it_.t('requests.count', { count: 3455 })).toBe('3.455 richieste');
    expect(en.t('requests.count', { count: 3455 })).toBe('3,455 requests');
    expect(it_.t('dashboard.unmet.caption', { count: 1200 })).toBe('1.200 combinazioni di provincia e categoria');
    expect(it_.t('pagination.page', { page: 2, pages: 1500 })).toBe('Pagina 2 di 1.500');
  });

  it('leaves no count unformatted in either catalogue', () => {
    const bare = [...leaves(italianCatalogue), ...leaves(englishCatalogue)].filter((text) => /\{\{(count|page|pages|days)\}\}/.test(text));
    expect(bare).toEqual([]);
  });
});
