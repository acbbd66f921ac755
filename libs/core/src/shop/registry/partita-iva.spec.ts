import fc from 'fast-check';
import { isValidPartitaIva, partitaIvaWithLostZeros, validatePartitaIva } from './partita-iva';

/**
 * Published Partita IVA of well-known Italian companies and public bodies (from their websites'
 * legal notices), each re-checked against the algorithm before being listed here.
 */
const REAL_NUMBERS: ReadonlyArray<readonly [string, string]> = [
  ['Eni S.p.A.', '00905811006'],
  ['Poste Italiane S.p.A.', '01114601006'],
  ['Telecom Italia S.p.A. (TIM)', '00488410010'],
  ['Ferrari S.p.A.', '00159560366'],
  ['Barilla G. e R. Fratelli S.p.A.', '01654010345'],
  ['UniCredit S.p.A.', '00348170101'],
  ['Leonardo S.p.A.', '00881841001'],
  ['Esselunga S.p.A.', '01255720169'],
  ['Luigi Lavazza S.p.A.', '00470550013'],
  ['RAI Radiotelevisione Italiana S.p.A.', '06382641006'],
  ['Trenitalia S.p.A.', '05403151003'],
  ['Comune di Milano', '01199250158'],
  ['Agenzia delle Entrate', '06363391001'],
];

/** Computed here, one per boundary of the office-code rule. */
const SYNTHETIC_NUMBERS: ReadonlyArray<readonly [string, string]> = [
  ['office 001', '12345670017'],
  ['office 100', '76543211007'],
  ['office 120', '00000011205'],
  ['office 121', '00000021212'],
  ['office 888', '11111118888'],
  ['office 999', '98765439991'],
];

const GOOD_NUMBERS = [...REAL_NUMBERS, ...SYNTHETIC_NUMBERS].map(([, number]) => number);

const VALID_OFFICE_CODES = [
  ...Array.from({ length: 100 }, (_, i) => i + 1),
  120,
  121,
  888,
  999,
];
const INVALID_OFFICE_CODES = Array.from({ length: 1000 }, (_, i) => i).filter((code) => !VALID_OFFICE_CODES.includes(code));

/** An independent oracle, written arithmetically rather than with the module's lookup table. */
function oracleCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(firstTen[i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

const serial = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).map((digits) => digits.join(''));
const officeCode = (codes: number[]) => fc.constantFrom(...codes).map((code) => String(code).padStart(3, '0'));

describe('validatePartitaIva', () => {
  describe('accepts', () => {
    it.each(REAL_NUMBERS)('the Partita IVA of %s (%s)', (_name, number) => {
      expect(validatePartitaIva(number)).toEqual({ ok: true, value: number });
    });

    it.each(SYNTHETIC_NUMBERS)('a computed number with %s (%s)', (_name, number) => {
      expect(validatePartitaIva(number)).toEqual({ ok: true, value: number });
    });

    it('every serial with every issued office code and the right check digit', () => {
      fc.assert(
        fc.property(serial, officeCode(VALID_OFFICE_CODES), (body, office) => {
          const number = `${body}${office}${oracleCheckDigit(body + office)}`;
          expect(validatePartitaIva(number)).toEqual({ ok: true, value: number });
        }),
        { numRuns: 2000, seed: 11 },
      );
    });
  });

  describe('normalises', () => {
    it.each([
      ['surrounding whitespace', '  00905811006\n', '00905811006'],
      ['spaces inside', '009 058 110 06', '00905811006'],
      ['a tab and a non-breaking space', '00905\t811\u00a0006', '00905811006'],
      ['an IT prefix', 'IT00905811006', '00905811006'],
      ['a lower-case it prefix', 'it00905811006', '00905811006'],
      ['an IT prefix followed by a space', 'IT 00905811006', '00905811006'],
      ['an IT prefix with spaces everywhere', ' I T 009 0581 1006 ', '00905811006'],
    ])('%s', (_case, input, value) => {
      expect(validatePartitaIva(input)).toEqual({ ok: true, value });
    });
  });

  describe('rejects as FORMAT', () => {
    it.each([
      ['empty', ''],
      ['only whitespace', '   '],
      ['only the prefix', 'IT'],
      ['10 digits', '0090581100'],
      ['12 digits', '009058110066'],
      ['a letter among the digits', '0090581100A'],
      ['all letters', 'ABCDEFGHIJK'],
      ['a dash', '00905-811006'],
      ['dots', '009.058.110.06'],
      ['another country prefix', 'DE00905811006'],
      ['the prefix twice', 'ITIT00905811006'],
      ['a trailing prefix', '00905811006IT'],
      ['a plus sign', '+00905811006'],
      ['full-width digits', '００９０５８１１００６'],
      ['a codice fiscale of a person', 'RSSMRA85T10A562S'],
    ])('%s', (_case, input) => {
      expect(validatePartitaIva(input)).toEqual({ ok: false, reason: 'FORMAT' });
    });

    it('any string that is not 11 digits once spaces and the prefix are gone', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 20 }), (input) => {
          fc.pre(!/^\d{11}$/.test(input.replace(/\s+/g, '').replace(/^IT/i, '')));
          expect(validatePartitaIva(input)).toEqual({ ok: false, reason: 'FORMAT' });
        }),
        { numRuns: 2000, seed: 7 },
      );
    });
  });

  describe('rejects as CHECK_DIGIT', () => {
    it.each(GOOD_NUMBERS)('every single-digit change of %s', (number) => {
      let mutations = 0;
      for (let position = 0; position < number.length; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === number[position]) continue;
          const mutated = number.slice(0, position) + digit + number.slice(position + 1);
          expect(validatePartitaIva(mutated)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
          mutations++;
        }
      }
      expect(mutations).toBe(11 * 9);
    });

    it('every wrong check digit on a random number, whatever its office code', () => {
      fc.assert(
        fc.property(serial, officeCode([...Array(1000).keys()]), fc.integer({ min: 1, max: 9 }), (body, office, offset) => {
          const wrong = (oracleCheckDigit(body + office) + offset) % 10;
          expect(validatePartitaIva(`${body}${office}${wrong}`)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
        }),
        { numRuns: 2000, seed: 13 },
      );
    });
  });

  describe('rejects as OFFICE_CODE', () => {
    it.each([
      ['office 000', '12345670009'],
      ['all zeros', '00000000000'],
      ['office 101', '12345671015'],
      ['office 119', '12345671197'],
      ['office 122', '12345671221'],
      ['office 150', '12345671502'],
      ['office 887', '12345678879'],
    ])('%s (%s), although its check digit is right', (_case, number) => {
      expect(validatePartitaIva(number)).toEqual({ ok: false, reason: 'OFFICE_CODE' });
    });

    it('every office code never issued, with the right check digit', () => {
      fc.assert(
        fc.property(serial, officeCode(INVALID_OFFICE_CODES), (body, office) => {
          const number = `${body}${office}${oracleCheckDigit(body + office)}`;
          expect(validatePartitaIva(number)).toEqual({ ok: false, reason: 'OFFICE_CODE' });
        }),
        { numRuns: 2000, seed: 17 },
      );
    });
  });
});

describe('isValidPartitaIva', () => {
  it.each([
    ['00905811006', true],
    ['IT 01114601006', true],
    ['00905811007', false],
    ['12345671502', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isValidPartitaIva(input)).toBe(expected);
  });

  it('agrees with validatePartitaIva on any 11-digit string', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }), (digits) => {
        const number = digits.join('');
        expect(isValidPartitaIva(number)).toBe(validatePartitaIva(number).ok);
      }),
      { numRuns: 1000, seed: 19 },
    );
  });
});

describe('partitaIvaWithLostZeros', () => {
  it.each([
    ['6018950011', '06018950011'],
    ['488410010', '00488410010'],
    [' 905811006 ', '00905811006'],
    // Padded with zeros, not a valid number: no guess.
    ['6018950012', null],
    ['123', null],
    // A few digits padded to eleven may pass the check by chance (18 → 00000000018): no more than two zeros are put back.
    ['18', null],
    ['109', null],
    ['90581100', null],
    // Eleven digits, or anything that is not only digits, is not a number a spreadsheet shortened.
    ['06018950011', null],
    ['IT 6018950011', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(partitaIvaWithLostZeros(input)).toBe(expected);
  });
});
