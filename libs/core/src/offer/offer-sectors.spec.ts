import { ALL_SECTORS, resolveSectors } from './offer-sectors';
import { OfferErrorCode, OfferException } from './offer.exception';
import type { OfferSectorsChoice } from './offer.commands';

const input = (allSectors: boolean, sections: string[] = [], divisions: string[] = []): OfferSectorsChoice => ({ allSectors, sections, divisions });

describe('resolveSectors', () => {
  it('takes every sector when omitted or asked for', () => {
    expect(resolveSectors(undefined)).toEqual(ALL_SECTORS);
    expect(resolveSectors(input(true))).toEqual(ALL_SECTORS);
  });

  it('keeps listed sections and divisions, sorted', () => {
    expect(resolveSectors(input(false, ['I', 'G'], ['56', '47']))).toEqual({ allSectors: false, eligibleSections: ['G', 'I'], eligibleDivisions: ['47', '56'] });
  });

  it.each([
    ['lists with allSectors', input(true, ['G']), OfferErrorCode.SECTORS_CONFLICT, 'input.sectors.allSectors'],
    ['nothing without allSectors', input(false), OfferErrorCode.SECTORS_EMPTY, 'input.sectors.sections'],
    ['a division ATECO 2025 lacks (45 was dissolved)', input(false, [], ['47', '45']), OfferErrorCode.ATECO_UNKNOWN_DIVISION, 'input.sectors.divisions.1'],
    ['a section ATECO 2025 lacks', input(false, ['W']), OfferErrorCode.ATECO_UNKNOWN_SECTION, 'input.sectors.sections.0'],
  ])('refuses %s, naming the field', (_label, given, code, field) => {
    const error = (() => {
      try {
        resolveSectors(given);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OfferException);
    expect(error).toMatchObject({ code, field });
  });
});
