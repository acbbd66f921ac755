import { distanceKm } from '@vec/territory';
import { CoverageLevel, OfferCoverage, ShopLocation } from '../model/matching.types';
import { aContext, aCoverage, anOffer, aRadius, aRequest, MILANO, MONZA, northOf, ROMA } from '../testing/builders';
import { coverageLevel, eligibility } from './eligibility';

interface Case {
  name: string;
  coverage: OfferCoverage;
  shop: ShopLocation;
  /** The most local covering level, or null when the shop is outside. */
  level: CoverageLevel | null;
}

/** Monza's distance from Milano's centre as the engine measures it (≈ 14.9 km by hand). */
const MILANO_MONZA_KM = distanceKm(MILANO, MONZA);

const CASES: Case[] = [
  { name: 'national covers Milano', coverage: aCoverage({ national: true }), shop: MILANO, level: 'NATIONAL' },
  { name: 'national covers Roma', coverage: aCoverage({ national: true }), shop: ROMA, level: 'NATIONAL' },
  { name: 'Lombardia covers Milano', coverage: aCoverage({ regionCodes: ['03'] }), shop: MILANO, level: 'REGION' },
  { name: 'Lombardia covers Monza', coverage: aCoverage({ regionCodes: ['03'] }), shop: MONZA, level: 'REGION' },
  { name: 'Lombardia does not cover Roma', coverage: aCoverage({ regionCodes: ['03'] }), shop: ROMA, level: null },
  { name: 'Lazio or Lombardia covers Roma', coverage: aCoverage({ regionCodes: ['03', '12'] }), shop: ROMA, level: 'REGION' },
  { name: 'province of Milano covers Milano', coverage: aCoverage({ provinceCodes: ['015'] }), shop: MILANO, level: 'PROVINCE' },
  { name: 'province of Milano does not cover Monza', coverage: aCoverage({ provinceCodes: ['015'] }), shop: MONZA, level: null },
  { name: 'comune of Milano covers Milano', coverage: aCoverage({ comuneCodes: ['015146'] }), shop: MILANO, level: 'COMUNE' },
  { name: 'comune of Milano covers a shop 3 km from its centre', coverage: aCoverage({ comuneCodes: ['015146'] }), shop: northOf(MILANO, 3), level: 'COMUNE' },
  { name: 'comune of Milano does not cover Monza', coverage: aCoverage({ comuneCodes: ['015146'] }), shop: MONZA, level: null },
  { name: 'a code listed as a province does not match a comune', coverage: aCoverage({ provinceCodes: ['015146'] }), shop: MILANO, level: null },
  { name: '20 km around Milano covers Monza', coverage: aCoverage({ radii: [aRadius(MILANO, 20)] }), shop: MONZA, level: 'RADIUS' },
  { name: '10 km around Milano does not cover Monza', coverage: aCoverage({ radii: [aRadius(MILANO, 10)] }), shop: MONZA, level: null },
  { name: 'a radius exactly reaching Monza covers it', coverage: aCoverage({ radii: [aRadius(MILANO, MILANO_MONZA_KM)] }), shop: MONZA, level: 'RADIUS' },
  { name: 'a radius 1 m short of Monza does not', coverage: aCoverage({ radii: [aRadius(MILANO, MILANO_MONZA_KM - 0.001)] }), shop: MONZA, level: null },
  { name: '5 km due north, radius 5.001 km', coverage: aCoverage({ radii: [aRadius(MILANO, 5.001)] }), shop: northOf(MILANO, 5), level: 'RADIUS' },
  { name: '5 km due north, radius 4.999 km', coverage: aCoverage({ radii: [aRadius(MILANO, 4.999)] }), shop: northOf(MILANO, 5), level: null },
  { name: 'a zero radius covers its own centre', coverage: aCoverage({ radii: [aRadius(MILANO, 0)] }), shop: MILANO, level: 'RADIUS' },
  { name: 'one of several radii suffices', coverage: aCoverage({ radii: [aRadius(ROMA, 50), aRadius(MONZA, 20)] }), shop: MILANO, level: 'RADIUS' },
  { name: '500 km around Roma reaches Milano (≈ 477 km)', coverage: aCoverage({ radii: [aRadius(ROMA, 500)] }), shop: MILANO, level: 'RADIUS' },
  { name: '450 km around Roma does not reach Milano', coverage: aCoverage({ radii: [aRadius(ROMA, 450)] }), shop: MILANO, level: null },
  { name: 'empty coverage covers Milano not', coverage: aCoverage(), shop: MILANO, level: null },
  { name: 'empty coverage covers Roma not', coverage: aCoverage(), shop: ROMA, level: null },
  { name: 'other areas only', coverage: aCoverage({ regionCodes: ['12'], provinceCodes: ['058'], comuneCodes: ['058091'], radii: [aRadius(ROMA, 30)] }), shop: MILANO, level: null },
];

describe('eligibility: coverage', () => {
  it.each(CASES)('$name', ({ coverage, shop, level }) => {
    const request = aRequest({ location: shop });
    const offer = anOffer({ coverage });
    expect(coverageLevel(request, offer)).toBe(level);
    expect(eligibility(request, offer, aContext())).toEqual(level === null ? { ok: false, failed: ['OUTSIDE_COVERAGE'] } : { ok: true });
  });

  it.each<[string, OfferCoverage, CoverageLevel]>([
    ['comune beats everything', aCoverage({ national: true, regionCodes: ['03'], provinceCodes: ['015'], comuneCodes: ['015146'], radii: [aRadius(MILANO, 5)] }), 'COMUNE'],
    ['radius beats province, region, national', aCoverage({ national: true, regionCodes: ['03'], provinceCodes: ['015'], radii: [aRadius(MILANO, 5)] }), 'RADIUS'],
    ['province beats region and national', aCoverage({ national: true, regionCodes: ['03'], provinceCodes: ['015'] }), 'PROVINCE'],
    ['region beats national', aCoverage({ national: true, regionCodes: ['03'] }), 'REGION'],
    ['a radius that misses falls back to the province', aCoverage({ provinceCodes: ['015'], radii: [aRadius(ROMA, 5)] }), 'PROVINCE'],
  ])('an offer mixing areas reaches the shop at its most local level: %s', (_name, coverage, level) => {
    expect(coverageLevel(aRequest({ location: MILANO }), anOffer({ coverage }))).toBe(level);
  });
});
