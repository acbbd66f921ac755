import { checkHeader } from '../../../import/import-runner.service';
import { ImportErrorCode } from '../../../import/import.exception';
import { italianDayEnd } from '../../../import/import-cells';
import { columnOfField, inColumnWords, italianDay, listOf, normaliseName, OFFER_IMPORT_COLUMNS, OFFER_IMPORT_EXAMPLE, parseOfferRow, TerritoryNames, yesNo } from './offer-import.row';

const NAMES: TerritoryNames = {
  regionByName: new Map([
    ['lombardia', '03'],
    ['valle d aosta', '02'],
  ]),
  provinceBySigla: new Map([
    ['MI', '015'],
    ['RE', '035'],
  ]),
  comuneByNameAndSigla: new Map([
    ['reggio nell emilia|RE', '035033'],
    ['milano|MI', '015146'],
  ]),
};

const row = (cells: Record<string, string>) => parseOfferRow({ ...OFFER_IMPORT_EXAMPLE, ...cells }, NAMES);
const issues = (cells: Record<string, string>) => row(cells).issues.map((issue) => [issue.column, issue.reason.it]);

describe('reading a row of an offers file', () => {
  it('turns the template’s example into the API’s input', () => {
    const { plain, publish, issues: found } = row({});
    expect(found).toEqual([]);
    expect(publish).toBe(false);
    expect(plain).toMatchObject({
      title: 'Vetrina online gratuita',
      categories: ['ONLINE_STORE', 'DIGITAL_PAYMENTS'],
      coverage: { national: false, regionCodes: [], provinceCodes: ['015'], comuneCodes: ['035033', '001272'], radii: [] },
      sectors: { allSectors: false, sections: ['G'], divisions: ['56'] },
      capacity: 50,
      freePeriodMonths: 12,
    });
  });

  it('reads categories by code or by Italian or English name, places by code or name, and restores the zeros a spreadsheet drops', () => {
    const { plain } = row({ categorie: 'Consegna a domicilio | website|marketplace_listing', regioni: 'Lombardia|2', province: 're|15', comuni: "1272|MILANO (mi)|Reggio nell’Emilia (RE)" });
    expect(plain.categories).toEqual(['HOME_DELIVERY', 'WEBSITE', 'MARKETPLACE_LISTING']);
    expect(plain.coverage).toMatchObject({ regionCodes: ['03', '02'], provinceCodes: ['035', '015'], comuneCodes: ['001272', '015146', '035033'] });
  });

  it('leaves what the input rules judge (an unknown category, a number that is not one) for them to refuse', () => {
    const { plain, issues: found } = row({ categorie: 'TELETRASPORTO', capacita: 'tanti', mesi_gratuiti: '' });
    expect(found).toEqual([]);
    expect(plain).toMatchObject({ categories: ['TELETRASPORTO'], capacity: 'tanti', freePeriodMonths: undefined });
  });

  it.each([
    [{ comuni: 'Atlantide (XX)' }, 'comuni', '«Atlantide (XX)» non è un comune'],
    [{ comuni: 'Milano' }, 'comuni', '«Milano» non è un comune'],
    [{ province: 'Milano' }, 'province', '«Milano» non è una provincia'],
    [{ regioni: 'Padania' }, 'regioni', '«Padania» non è una regione'],
    [{ valida_dal: '31/02/2026' }, 'valida_dal', 'gg/mm/aaaa'],
    [{ valida_fino_al: 'domani' }, 'valida_fino_al', 'gg/mm/aaaa'],
    [{ nazionale: 'forse' }, 'nazionale', '«sì» oppure «no»'],
    [{ pubblica: 'boh' }, 'pubblica', '«sì» oppure «no»'],
  ])('names the column of a cell it cannot read: %o', (cells, column, words) => {
    expect(issues(cells)).toEqual([[column, expect.stringContaining(words)]]);
  });

  it('takes an empty or "tutti" sector cell as every sector', () => {
    expect(row({ settori_ateco: '' }).plain.sectors).toBeUndefined();
    expect(row({ settori_ateco: 'Tutti' }).plain.sectors).toBeUndefined();
    expect(row({ settori_ateco: 'g|5|C' }).plain.sectors).toEqual({ allSectors: false, sections: ['G', 'C'], divisions: ['05'] });
  });
});

describe('cells', () => {
  it.each([
    ['sì', true],
    ['SI', true],
    ['x', true],
    ['', false],
    ['No', false],
    ['0', false],
    ['forse', null],
  ])('yesNo(%s) = %s', (text, value) => {
    expect(yesNo(text)).toBe(value);
  });

  it('reads days in Italian time, in winter and in summer, and refuses days that do not exist', () => {
    expect(italianDay('01/03/2026')?.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(italianDay('2026-07-15')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(italianDay('1.7.2026')?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(italianDay('29/02/2026')).toBeNull();
    // An end date includes its day: the last moment of it, in Italy.
    expect(italianDayEnd('31/12/2026')?.toISOString()).toBe('2026-12-31T22:59:59.999Z');
    expect(italianDayEnd('2026-07-15')?.toISOString()).toBe('2026-07-15T21:59:59.999Z');
    expect(italianDayEnd('31/12/2026')).toEqual(new Date(italianDay('01/01/2027')!.getTime() - 1));
    expect(italianDayEnd('29/02/2026')).toBeNull();
    expect(row({ valida_dal: '07/12/2026', valida_fino_al: '07/12/2026' }).plain).toMatchObject({ validFrom: italianDay('07/12/2026'), validUntil: italianDayEnd('07/12/2026') });
    expect(italianDay('13/13/2026')).toBeNull();
    expect(italianDay('2026/07/15')).toBeNull();
  });

  it('refuses days outside the years the API takes, as the API does, naming the column', () => {
    expect(issues({ valida_dal: '01/01/1000', valida_fino_al: '31/12/9999' })).toEqual([
      ['valida_dal', 'valida_dal deve essere una data tra il 01/01/1900 e il 31/12/2199'],
      ['valida_fino_al', 'valida_fino_al deve essere una data tra il 01/01/1900 e il 31/12/2199'],
    ]);
    expect(issues({ valida_dal: '01/01/1900', valida_fino_al: '31/12/2199' })).toEqual([]);
  });

  it('splits lists on | or commas and compares names as people type them', () => {
    expect(listOf(' a | b,,c |')).toEqual(['a', 'b', 'c']);
    expect(normaliseName("  Sant’Agata  de' Goti ")).toBe('sant agata de goti');
    expect(normaliseName('Forlì-Cesena')).toBe('forli cesena');
  });

  it('names the column of an input field and puts it in the message', () => {
    expect(columnOfField('coverage.comuneCodes.2')).toBe('comuni');
    expect(columnOfField('sectors.sections.0')).toBe('settori_ateco');
    expect(columnOfField('coverage')).toBeNull();
    // A refusal of the offer's own rules names the API's field: its column all the same.
    expect(columnOfField('input.categories')).toBe('categorie');
    expect(columnOfField('input.sectors')).toBe('settori_ateco');
    expect(columnOfField('input.capacity')).toBe('capacita');
    expect(columnOfField('input.coverage.provinceCodes')).toBe('province');
    expect(inColumnWords({ it: 'input.categories: 2 attività', en: 'input.categories: 2 businesses' }, 'input.categories', 'categorie').it).toBe('categorie: 2 attività');
    expect(inColumnWords({ it: 'capacity deve essere almeno 1', en: 'capacity must be at least 1' }, 'capacity', 'capacita')).toEqual({
      it: 'capacita deve essere almeno 1',
      en: 'capacita must be at least 1',
    });
    expect(inColumnWords({ it: 'validUntil deve venire dopo «validFrom»', en: 'validUntil must be after validFrom' }, 'validUntil', 'valida_fino_al').it).toBe(
      'valida_fino_al deve venire dopo «valida_dal»',
    );
  });
});

describe('the header of an offers file', () => {
  const code = (header: string[]) => {
    try {
      checkHeader({ columns: OFFER_IMPORT_COLUMNS }, header);
      return null;
    } catch (error) {
      return (error as { code: ImportErrorCode; detail: { columns?: string[] } }).code;
    }
  };

  it('takes the template’s columns in any order and case, without the optional ones', () => {
    expect(code(Object.keys(OFFER_IMPORT_EXAMPLE).reverse().map((name) => name.toUpperCase()))).toBeNull();
    expect(code(OFFER_IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.header))).toBeNull();
  });

  it('refuses a missing required column, an unknown one and a repeated one', () => {
    const all = Object.keys(OFFER_IMPORT_EXAMPLE);
    expect(code(all.filter((name) => name !== 'titolo'))).toBe(ImportErrorCode.HEADER_MISSING);
    expect(code([...all, 'prezzo'])).toBe(ImportErrorCode.HEADER_UNKNOWN);
    expect(code([...all, 'titolo'])).toBe(ImportErrorCode.HEADER_REPEATED);
  });
});
