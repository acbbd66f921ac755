import { ATECO_SECTIONS, AtecoSector, EligibilityResult, SectorFilter } from '../model/matching.types';
import { aContext, anOffer, aRequest } from '../testing/builders';
import { eligibility } from './eligibility';

const RETAIL: AtecoSector = { section: 'G', division: '47' };
const FOOD_MANUFACTURING: AtecoSector = { section: 'C', division: '10' };
const RESTAURANT: AtecoSector = { section: 'I', division: '56' };

const OK: EligibilityResult = { ok: true };
const SECTOR: EligibilityResult = { ok: false, failed: ['SECTOR'] };

interface Case {
  name: string;
  filter: SectorFilter;
  sector: AtecoSector;
  expected: EligibilityResult;
}

const CASES: Case[] = [
  { name: 'section G admits a retailer', filter: { sections: ['G'], divisions: [] }, sector: RETAIL, expected: OK },
  { name: 'section G excludes a food manufacturer', filter: { sections: ['G'], divisions: [] }, sector: FOOD_MANUFACTURING, expected: SECTOR },
  { name: 'sections C and I admit a restaurant', filter: { sections: ['C', 'I'], divisions: [] }, sector: RESTAURANT, expected: OK },
  { name: 'division 47 admits a retailer', filter: { sections: [], divisions: ['47'] }, sector: RETAIL, expected: OK },
  { name: 'division 47 excludes a restaurant', filter: { sections: [], divisions: ['47'] }, sector: RESTAURANT, expected: SECTOR },
  { name: 'division 10 is not division 1 or 100', filter: { sections: [], divisions: ['1', '100'] }, sector: FOOD_MANUFACTURING, expected: SECTOR },
  { name: 'section C or division 47 admits a retailer (by division)', filter: { sections: ['C'], divisions: ['47'] }, sector: RETAIL, expected: OK },
  { name: 'section C or division 47 admits a food manufacturer (by section)', filter: { sections: ['C'], divisions: ['47'] }, sector: FOOD_MANUFACTURING, expected: OK },
  { name: 'section C or division 47 excludes a restaurant', filter: { sections: ['C'], divisions: ['47'] }, sector: RESTAURANT, expected: SECTOR },
  { name: 'an empty filter admits nobody (null is "every sector")', filter: { sections: [], divisions: [] }, sector: RETAIL, expected: SECTOR },
];

describe('eligibility: sector', () => {
  it.each(ATECO_SECTIONS)('an offer for every sector admits a shop of section %s', (section) => {
    const request = aRequest({ sector: { section, division: '99' } });
    expect(eligibility(request, anOffer({ eligibleSectors: null }), aContext())).toEqual(OK);
  });

  it.each(ATECO_SECTIONS)('an offer for section %s alone admits that section and no other', (section) => {
    const offer = anOffer({ eligibleSectors: { sections: [section], divisions: [] } });
    const admitted = ATECO_SECTIONS.filter((s) => eligibility(aRequest({ sector: { section: s, division: '99' } }), offer, aContext()).ok);
    expect(admitted).toEqual([section]);
  });

  it.each(CASES)('$name', ({ filter, sector, expected }) => {
    expect(eligibility(aRequest({ sector }), anOffer({ eligibleSectors: filter }), aContext())).toEqual(expected);
  });
});
