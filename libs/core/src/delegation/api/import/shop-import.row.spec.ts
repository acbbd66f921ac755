import { importFailureWords } from '../../../import/import-failure';
import { checkHeader } from '../../../import/import-runner.service';
import { ImportErrorCode, ImportException } from '../../../import/import.exception';
import type { DelegationEntity } from '../../delegation.entity';
import { DelegationStatus } from '../../delegation.types';
import { shopImportPlan } from './shop-import.compare';
import { atecoOf, ComuneNames, inShopColumnWords, isoDay, parseShopRow, SHOP_IMPORT_COLUMNS, SHOP_IMPORT_EXAMPLE, SHOP_IMPORT_EXAMPLE_DECLARED_ON, shopColumnOfField } from './shop-import.row';

const NAMES: ComuneNames = {
  codes: new Set(['001272', '001257', '022169', '035033']),
  byName: new Map([
    ['torino', [{ code: '001272', sigla: 'TO' }]],
    ['samone', [{ code: '001257', sigla: 'TO' }, { code: '022169', sigla: 'TN' }]],
    ['reggio nell emilia', [{ code: '035033', sigla: 'RE' }]],
  ]),
  siglas: new Set(['TO', 'TN', 'RE', 'MI']),
};

const row = (cells: Record<string, string>) => parseShopRow({ ...SHOP_IMPORT_EXAMPLE, ...cells }, NAMES);
const issues = (cells: Record<string, string>) => row(cells).issues.map((found) => [found.column, found.reason.it]);

describe('reading a row of a shops file', () => {
  it('turns the template’s example into registerShopOnPaper’s input', () => {
    const { plain, issues: found } = row({});
    expect(found).toEqual([]);
    expect(plain).toEqual({
      shop: {
        legalName: 'Panetteria Rossi di Mario Rossi',
        tradingName: 'Il Forno di Borgo',
        partitaIva: '12345670017',
        atecoSection: 'G',
        atecoDivision: '47',
        comuneCode: '001272',
        address: 'Via Garibaldi 12',
        employees: 3,
        contactEmail: 'mario.rossi@example.it',
        contactPhone: '+39 011 555 1234',
      },
      ownerEmail: 'mario.rossi@example.it',
      declaredOn: SHOP_IMPORT_EXAMPLE_DECLARED_ON,
    });
  });

  it('finds the comune by code (zeros restored), by a unique name, by name and province in either column', () => {
    expect(row({ comune: '1272', provincia: '' }).plain.shop.comuneCode).toBe('001272');
    expect(row({ comune: 'TORINO', provincia: '' }).plain.shop.comuneCode).toBe('001272');
    expect(row({ comune: 'Samone', provincia: 'tn' }).plain.shop.comuneCode).toBe('022169');
    expect(row({ comune: 'Samone (TO)', provincia: '' }).plain.shop.comuneCode).toBe('001257');
    expect(row({ comune: 'Reggio nell’Emilia', provincia: '' }).plain.shop.comuneCode).toBe('035033');
  });

  it.each([
    [{ comune: 'Samone', provincia: '' }, 'comune', 'esiste un comune «Samone» in più province (TN, TO)'],
    [{ comune: 'Atlantide', provincia: '' }, 'comune', '«Atlantide» non è un comune'],
    [{ comune: 'Torino', provincia: 'MI' }, 'comune', '«Torino (MI)» non è un comune'],
    [{ comune: '999999' }, 'comune', '«999999» non è un comune'],
    [{ comune: 'Torino', provincia: 'XX' }, 'provincia', '«XX» non è una provincia'],
    [{ data_consenso: '31/02/2026' }, 'data_consenso', 'gg/mm/aaaa'],
    [{ ateco: '04' }, 'ateco', '04'],
    [{ ateco: 'commercio' }, 'ateco', 'ateco: «commercio» non è un codice ATECO: scrivi la divisione (2 cifre, ad es. 47) o il codice completo (47.11.10, oppure 47,11'],
  ])('names the column of a cell it cannot read: %o', (cells, column, words) => {
    expect(issues(cells)).toEqual([[column, expect.stringContaining(words)]]);
  });

  it('reads the ATECO code Excel turned into a decimal number', () => {
    expect(row({ ateco: '47,11' })).toMatchObject({ issues: [], plain: { shop: { atecoSection: 'G', atecoDivision: '47' } } });
    expect(row({ ateco: '47,1' })).toMatchObject({ issues: [], plain: { shop: { atecoSection: 'G', atecoDivision: '47' } } });
  });

  it('puts back the leading zeros a spreadsheet dropped from a Partita IVA, and says it may have when the number is still not valid', () => {
    expect(row({ partita_iva: '6018950011' })).toMatchObject({ issues: [], plain: { shop: { partitaIva: '06018950011' } } });
    expect(row({ partita_iva: '488410010' })).toMatchObject({ issues: [], plain: { shop: { partitaIva: '00488410010' } } });
    expect(row({ partita_iva: '6018950012' }).issues).toEqual([
      {
        column: 'partita_iva',
        reason: {
          it: 'partita_iva: «6018950012» ha 10 cifre, la Partita IVA 11: il foglio di calcolo può aver tolto lo 0 iniziale (formatta la colonna come testo e riscrivi il numero), ma neanche con lo 0 davanti è valida: ricontrolla le cifre',
          en: 'partita_iva: “6018950012” has 10 digits, a Partita IVA 11: the spreadsheet may have dropped its leading zero (format the column as text and type the number again), but even with the zero in front it is not valid: check the digits',
        },
      },
    ]);
    expect(issues({ partita_iva: '123' })).toEqual([['partita_iva', expect.stringContaining('«123» ha 3 cifre, la Partita IVA 11: il foglio di calcolo può aver tolto gli 0 iniziali')]]);
  });

  it('reads a cell a spreadsheet protected with an apostrophe as written', () => {
    expect(row({ telefono: "'+39 011 555 1234" }).plain.shop.contactPhone).toBe('+39 011 555 1234');
  });

  it('leaves what the input rules judge to them, and takes the owner’s address as the contact when none is given', () => {
    const { plain, issues: found } = row({ addetti: 'tre', partita_iva: '12345670018', email_contatto: '', telefono: '', insegna: '' });
    expect(found).toEqual([]);
    expect(plain.shop).toMatchObject({ employees: 'tre', partitaIva: '12345670018', contactEmail: 'mario.rossi@example.it' });
    expect(plain.shop).not.toHaveProperty('contactPhone');
    expect(plain.shop).not.toHaveProperty('tradingName');
  });
});

describe('cells', () => {
  it.each([
    ['47', { section: 'G', division: '47' }],
    ['47.11.10', { section: 'G', division: '47' }],
    ['G47', { section: 'G', division: '47' }],
    ['c 10.1', { section: 'C', division: '10' }],
    ['04', { section: '', division: '04' }],
    // What Excel in Italian shows of a code it took for a number.
    ['47,11', { section: 'G', division: '47' }],
    ['47,1', { section: 'G', division: '47' }],
    ['1,11', { section: 'A', division: '01' }],
    ['G 47,11', { section: 'G', division: '47' }],
    ['panetteria', null],
    ['', null],
  ])('atecoOf(%s)', (text, expected) => {
    expect(atecoOf(text)).toEqual(expected);
  });

  it('writes days as YYYY-MM-DD and refuses days that do not exist', () => {
    expect(isoDay('5/1/2026')).toBe('2026-01-05');
    expect(isoDay('2026-03-01')).toBe('2026-03-01');
    expect(isoDay('29/02/2026')).toBeNull();
  });

  it('names the column of an input field and puts it in the message', () => {
    expect(shopColumnOfField('shop.partitaIva')).toBe('partita_iva');
    expect(shopColumnOfField('input.shop.atecoDivision')).toBe('ateco');
    expect(shopColumnOfField('declaredOn')).toBe('data_consenso');
    expect(shopColumnOfField('shop')).toBeNull();
    expect(inShopColumnWords({ it: 'shop.contactEmail deve essere un indirizzo e-mail', en: 'x' }, 'shop.contactEmail', 'email_contatto').it).toBe('email_contatto deve essere un indirizzo e-mail');
    expect(inShopColumnWords({ it: 'input.shop.atecoDivision: 99 non esiste', en: 'x' }, 'input.shop.atecoDivision', 'ateco').it).toBe('ateco: 99 non esiste');
  });
});

describe('what a row does to the shop its key names', () => {
  const wanted = { shop: { ...row({}).plain.shop, employees: 3 }, ownerEmail: 'mario.rossi@example.it', declaredOn: SHOP_IMPORT_EXAMPLE_DECLARED_ON };
  const delegation = (shop: Record<string, unknown> = {}, status = DelegationStatus.ACTIVE): DelegationEntity =>
    ({
      status,
      paperDeclaredOn: SHOP_IMPORT_EXAMPLE_DECLARED_ON,
      invitedEmail: 'mario.rossi@example.it',
      shop: { id: 'shop-1', ownerUserId: null, ...wanted.shop, ...shop },
    }) as unknown as DelegationEntity;

  it('creates a new key, leaves an equal shop alone, updates a changed one', () => {
    expect(shopImportPlan(undefined, wanted)).toEqual({ kind: 'create' });
    expect(shopImportPlan(delegation(), wanted)).toEqual({ kind: 'unchanged', shopId: 'shop-1' });
    expect(shopImportPlan(delegation({ employees: 5 }), wanted)).toMatchObject({ kind: 'update', shopId: 'shop-1', changes: { employees: 3 } });
  });

  it('skips a change once the delegation ended or the owner claimed the shop, and never changes the Partita IVA or the consent', () => {
    const reason = (plan: ReturnType<typeof shopImportPlan>) => (plan.kind === 'skip' ? [plan.reason.column, plan.reason.reason.it] : plan.kind);
    expect(reason(shopImportPlan(delegation({ employees: 5 }, DelegationStatus.REVOKED), wanted))).toEqual([null, expect.stringContaining('non è più attiva')]);
    expect(reason(shopImportPlan(delegation({ employees: 5, ownerUserId: 'user-1' }), wanted))).toEqual([null, expect.stringContaining('rivendicato')]);
    expect(reason(shopImportPlan(delegation({ partitaIva: '00000010000' }), wanted))).toEqual(['partita_iva', expect.stringContaining('non cambia')]);
    expect(reason(shopImportPlan(delegation(), { ...wanted, declaredOn: '2026-01-16' }))).toEqual([null, expect.stringContaining('data del consenso')]);
    // Unchanged stays unchanged whatever became of the delegation: a second upload changes nothing.
    expect(shopImportPlan(delegation({}, DelegationStatus.REVOKED), wanted)).toEqual({ kind: 'unchanged', shopId: 'shop-1' });
  });
});

describe('the header of a shops file', () => {
  const code = (header: string[]) => {
    try {
      checkHeader({ columns: SHOP_IMPORT_COLUMNS }, header);
      return null;
    } catch (error) {
      return (error as { code: ImportErrorCode }).code;
    }
  };

  /** The words of the header's refusal. */
  const refusal = (header: string[]) => {
    try {
      checkHeader({ columns: SHOP_IMPORT_COLUMNS }, header);
      return null;
    } catch (error) {
      return importFailureWords(error as ImportException);
    }
  };

  it('takes the required columns alone, and refuses a file without the consent date', () => {
    expect(code(SHOP_IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.header))).toBeNull();
    expect(code(Object.keys(SHOP_IMPORT_EXAMPLE).filter((name) => name !== 'data_consenso'))).toBe(ImportErrorCode.HEADER_MISSING);
  });

  it('takes empty header cells as no column, wherever they are, and still refuses a name written twice', () => {
    const header = Object.keys(SHOP_IMPORT_EXAMPLE);
    expect(code([...header, '', ''])).toBeNull();
    expect(code([...header, ' '])).toBeNull();
    expect(code(['', ...header.slice(0, 3), '', ...header.slice(3)])).toBeNull();
    expect(checkHeader({ columns: SHOP_IMPORT_COLUMNS }, [...header, '', ''])).toEqual([...header, '', '']);
    expect(code([...header, '', 'ateco'])).toBe(ImportErrorCode.HEADER_REPEATED);
  });

  it('quotes the columns it names as each language quotes', () => {
    expect(refusal(Object.keys(SHOP_IMPORT_EXAMPLE).filter((name) => name !== 'data_consenso'))).toEqual({
      it: 'Nell’intestazione mancano le colonne «data_consenso»: parti dal modello',
      en: 'The header lacks the columns “data_consenso”: start from the template',
    });
    const unknown = refusal([...Object.keys(SHOP_IMPORT_EXAMPLE), 'prezzo']);
    expect(unknown?.it).toMatch(/^L’intestazione ha colonne che questa importazione non conosce: «prezzo»; /);
    expect(unknown?.en).toMatch(/^The header has columns this import does not know: “prezzo”; /);
    expect(unknown?.en).not.toMatch(/[«»]/);
  });
});
