import i18next from 'i18next';
import englishCatalogue from './en.json';
import { addDatePhraseFormats, addNumberFormat, datePhrase, formatDate, formatEndDateTime, formatNumber, formatPercent } from './format';
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
  addDatePhraseFormats(instance);
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

  it('writes a day as Italy counts it, whatever the device’s time zone: midnight in Rome is that day', () => {
    // 1 January 2027 at midnight in Italy is 31 December at 23:00 UTC.
    expect(formatDate('2026-12-31T23:00:00Z', 'it')).toBe('1 gennaio 2027');
    expect(formatDate('2026-12-31T23:00:00Z', 'en')).toBe('1 January 2027');
    // Summer time: 1 July at midnight in Italy is 30 June at 22:00 UTC.
    expect(formatDate('2027-06-30T22:00:00Z', 'it')).toBe('1 luglio 2027');
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

  it.each([
    ['1 gennaio 2026', 'il 1° gennaio 2026', 'dal 1° gennaio 2026', 'fino al 1° gennaio 2026', 'del 1° gennaio 2026'],
    ['8 marzo 2026', "l'8 marzo 2026", "dall'8 marzo 2026", "fino all'8 marzo 2026", "dell'8 marzo 2026"],
    ['11 dicembre 2026', "l'11 dicembre 2026", "dall'11 dicembre 2026", "fino all'11 dicembre 2026", "dell'11 dicembre 2026"],
    ['12 dicembre 2026', 'il 12 dicembre 2026', 'dal 12 dicembre 2026', 'fino al 12 dicembre 2026', 'del 12 dicembre 2026'],
    ['31 dicembre 2026', 'il 31 dicembre 2026', 'dal 31 dicembre 2026', 'fino al 31 dicembre 2026', 'del 31 dicembre 2026'],
  ])('writes %s after its article: %s, %s, %s, %s', (written, il, dal, al, del) => {
    expect(datePhrase('il', written)).toBe(il);
    expect(datePhrase('dal', written)).toBe(dal);
    expect(`fino ${datePhrase('al', written)}`).toBe(al);
    expect(datePhrase('del', written)).toBe(del);
  });

  it('writes the day with its article with the time too, and only the article before a text without a day', () => {
    expect(datePhrase('il', '11 dicembre 2026 alle ore 10:30')).toBe("l'11 dicembre 2026 alle ore 10:30");
    expect(datePhrase('il', '18 dicembre 2026')).toBe('il 18 dicembre 2026');
    expect(datePhrase('il', '10 dicembre 2026')).toBe('il 10 dicembre 2026');
    expect(datePhrase('il', 'domani')).toBe('il domani');
  });

  it('puts the article to the date in the Italian sentences, and leaves the English as they are', async () => {
    const it_ = await translator('it');
    const en = await translator('en');
    const [first, eighth, eleventh] = ['2026-01-01T12:00:00Z', '2026-03-08T12:00:00Z', '2026-12-11T12:00:00Z'].map((iso) => formatDate(iso, 'it'));
    expect(it_.t('applications.respondBy', { date: eleventh })).toBe("Rispondi entro l'11 dicembre 2026");
    expect(it_.t('applications.respondBy', { date: eighth })).toBe("Rispondi entro l'8 marzo 2026");
    expect(it_.t('matches.next.PENDING', { date: first })).toBe('Il fornitore risponde entro il 1° gennaio 2026.');
    expect(it_.t('offers.validBetween', { from: first, until: eighth })).toBe("dal 1° gennaio 2026 all'8 marzo 2026");
    expect(it_.t('offers.validFrom', { from: eleventh })).toBe("dall'11 dicembre 2026, senza scadenza");
    expect(it_.t('allocation.runName', { mode: 'Prova', date: eleventh })).toBe("Prova dell'11 dicembre 2026");
    expect(en.t('applications.respondBy', { date: formatDate('2026-12-11T12:00:00Z', 'en') })).toBe('Answer by 11 December 2026');
  });

  it('leaves no date after a bare article in the Italian catalogue: each goes through the date phrase', () => {
    const bare = leaves(italianCatalogue).filter((text) => /\b(il|dal|al|del|nel|entro|fino)\s+\{\{(date|from|to|until)\}\}/.test(text));
    expect(bare).toEqual([]);
  });
});

describe('the end of a period', () => {
  it('writes midnight in Italy as 24:00 of the day before, in both languages', () => {
    expect(formatEndDateTime('2026-12-31T23:00:00Z', 'it')).toBe('31 dicembre 2026 alle ore 24:00');
    expect(formatEndDateTime('2026-12-31T23:00:00Z', 'en')).toBe('31 December 2026 at 24:00');
    // Summer time: midnight is 22:00 UTC.
    expect(formatEndDateTime('2026-07-31T22:00:00Z', 'it')).toBe('31 luglio 2026 alle ore 24:00');
  });

  it('writes any other hour as it is', () => {
    expect(formatEndDateTime('2026-12-31T22:59:00Z', 'it')).toBe('31 dicembre 2026 alle ore 23:59');
    expect(formatEndDateTime('2026-12-06T13:05:00Z', 'en')).toBe('6 December 2026 at 14:05');
  });
});
