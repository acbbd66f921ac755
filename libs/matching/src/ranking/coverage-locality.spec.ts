import { CoverageLevel, MatchingOffer, OfferCoverage } from '../model/matching.types';
import { aContext, aCoverage, anOffer, aRadius, aRequest, MILANO, northOf } from '../testing/builders';
import { rank, RankedOffer } from './rank';

const coverageOf = (ranked: RankedOffer): { raw: number; value: number } => {
  const component = ranked.components.find((c) => c.name === 'COVERAGE');
  return { raw: component?.raw ?? Number.NaN, value: component?.value ?? Number.NaN };
};

/** One offer per level, identical otherwise; ids run against the expected order. */
const BY_LEVEL: readonly { level: CoverageLevel; offer: MatchingOffer; coverage: { raw: number; value: number } }[] = [
  { level: 'COMUNE', offer: anOffer({ id: 'e', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) }), coverage: { raw: 0, value: 1 } },
  // Centred on the shop, so the distance term is the same as for area coverage.
  { level: 'RADIUS', offer: anOffer({ id: 'd', coverage: aCoverage({ radii: [aRadius(MILANO, 5)] }) }), coverage: { raw: 1, value: 0.75 } },
  { level: 'PROVINCE', offer: anOffer({ id: 'c', coverage: aCoverage({ provinceCodes: [MILANO.provinceCode] }) }), coverage: { raw: 2, value: 0.5 } },
  { level: 'REGION', offer: anOffer({ id: 'b', coverage: aCoverage({ regionCodes: [MILANO.regionCode] }) }), coverage: { raw: 3, value: 0.25 } },
  { level: 'NATIONAL', offer: anOffer({ id: 'a', coverage: aCoverage({ national: true }) }), coverage: { raw: 4, value: 0 } },
];

describe('ranking: locality of coverage (comune > radius > province > region > national)', () => {
  it('ranks one offer per level from the most local to national, whatever their ids', () => {
    const ranked = rank(aRequest({ location: MILANO }), BY_LEVEL.map((c) => c.offer), aContext());
    expect(ranked.map((r) => r.coverageLevel)).toEqual(['COMUNE', 'RADIUS', 'PROVINCE', 'REGION', 'NATIONAL']);
    expect(ranked.map((r) => r.offerId)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it.each(BY_LEVEL)('$level coverage scores COVERAGE raw $coverage.raw (steps from comune), value $coverage.value', ({ level, offer, coverage }) => {
    const [ranked] = rank(aRequest({ location: MILANO }), [offer], aContext());
    expect(ranked.coverageLevel).toBe(level);
    expect(coverageOf(ranked)).toEqual(coverage);
  });

  it.each(
    BY_LEVEL.flatMap((more, i) => BY_LEVEL.slice(i + 1).map((less) => ({ more: more.level, less: less.level, pair: [less.offer, more.offer] }))),
  )('$more ranks above $less', ({ more, pair }) => {
    const ranked = rank(aRequest({ location: MILANO }), pair, aContext());
    expect(ranked[0].coverageLevel).toBe(more);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });

  it.each([1, 5, 9.9])('a radius centred %d km from the shop still ranks above a province-wide offer', (km) => {
    const radius = anOffer({ id: 'b-radius', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, km), km + 1)] }) });
    const province = anOffer({ id: 'a-province', coverage: aCoverage({ provinceCodes: [MILANO.provinceCode] }) });
    expect(rank(aRequest({ location: MILANO }), [province, radius], aContext()).map((r) => r.offerId)).toEqual(['b-radius', 'a-province']);
  });

  it.each<[string, OfferCoverage, CoverageLevel]>([
    ['national and the comune', aCoverage({ national: true, comuneCodes: [MILANO.comuneCode] }), 'COMUNE'],
    ['the region and a radius around the shop', aCoverage({ regionCodes: [MILANO.regionCode], radii: [aRadius(MILANO, 3)] }), 'RADIUS'],
    ['national and the province', aCoverage({ national: true, provinceCodes: [MILANO.provinceCode] }), 'PROVINCE'],
  ])('an offer covering %s is ranked at its most local level', (_name, coverage, level) => {
    const [ranked] = rank(aRequest({ location: MILANO }), [anOffer({ coverage })], aContext());
    expect(ranked.coverageLevel).toBe(level);
  });
});
