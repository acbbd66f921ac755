import { aContext, aCoverage, anOffer, aRadius, aRequest, KM_PER_DEGREE_LATITUDE, MILANO, MONZA, northOf, ROMA } from '../testing/builders';
import { rank, RankedOffer } from './rank';

const distanceOf = (ranked: RankedOffer): { raw: number; value: number } => {
  const component = ranked.components.find((c) => c.name === 'DISTANCE');
  return { raw: component?.raw ?? Number.NaN, value: component?.value ?? Number.NaN };
};

/** The DISTANCE value halves every 10 km: 1 / (1 + km / 10). */
const distanceValue = (km: number): number => 1 / (1 + km / 10);

describe('ranking: distance', () => {
  it.each([0, 2, 5, 10, 30, 100])('a shop %d km due north of a radius centre is that far away, valued 1 / (1 + km/10)', (km) => {
    const shop = northOf(MILANO, km);
    const [ranked] = rank(aRequest({ location: shop }), [anOffer({ coverage: aCoverage({ radii: [aRadius(MILANO, km + 1)] }) })], aContext());
    expect(ranked.distanceKm).toBeCloseTo(km, 5);
    expect(distanceOf(ranked).raw).toBeCloseTo(km, 5);
    expect(distanceOf(ranked).value).toBeCloseTo(distanceValue(km), 5);
  });

  it('Monza is ≈ 14.9 km from the centre of Milano', () => {
    // By hand: Δlat 0.1203° ≈ 13.38 km, Δlon 0.0844° × cos 45.52° ≈ 6.58 km; √(13.38² + 6.58²) ≈ 14.9.
    const northSouth = 0.1203 * KM_PER_DEGREE_LATITUDE;
    const eastWest = 0.0844 * KM_PER_DEGREE_LATITUDE * Math.cos((45.5244 * Math.PI) / 180);
    const [ranked] = rank(aRequest({ location: MONZA }), [anOffer({ coverage: aCoverage({ radii: [aRadius(MILANO, 20)] }) })], aContext());
    expect(ranked.distanceKm).toBeCloseTo(Math.hypot(northSouth, eastWest), 1);
    expect(ranked.distanceKm).toBeGreaterThan(14.85);
    expect(ranked.distanceKm).toBeLessThan(14.95);
  });

  it('Milano is ≈ 477 km from the centre of Roma', () => {
    const [ranked] = rank(aRequest({ location: MILANO }), [anOffer({ coverage: aCoverage({ radii: [aRadius(ROMA, 500)] }) })], aContext());
    expect(ranked.distanceKm).toBeGreaterThan(475);
    expect(ranked.distanceKm).toBeLessThan(479);
  });

  it.each([
    { name: 'comune', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) },
    { name: 'province', coverage: aCoverage({ provinceCodes: [MILANO.provinceCode] }) },
    { name: 'region', coverage: aCoverage({ regionCodes: [MILANO.regionCode] }) },
    { name: 'national', coverage: aCoverage({ national: true }) },
  ])('$name coverage has no point to measure from: 0 km, full DISTANCE value', ({ coverage }) => {
    const [ranked] = rank(aRequest({ location: northOf(MILANO, 4) }), [anOffer({ coverage })], aContext());
    expect(ranked.distanceKm).toBe(0);
    expect(distanceOf(ranked)).toEqual({ raw: 0, value: 1 });
  });

  it('with several radii covering the shop, the nearest centre counts', () => {
    const coverage = aCoverage({ radii: [aRadius(northOf(MILANO, 12), 20), aRadius(northOf(MILANO, 5), 20), aRadius(northOf(MILANO, 30), 50)] });
    const [ranked] = rank(aRequest({ location: MILANO }), [anOffer({ coverage })], aContext());
    expect(ranked.distanceKm).toBeCloseTo(5, 5);
  });

  it('a nearer centre whose circle does not reach the shop does not count', () => {
    const coverage = aCoverage({ radii: [aRadius(northOf(MILANO, 5), 3), aRadius(northOf(MILANO, 12), 20)] });
    const [ranked] = rank(aRequest({ location: MILANO }), [anOffer({ coverage })], aContext());
    expect(ranked.distanceKm).toBeCloseTo(12, 5);
  });

  it('of two radius offers, the nearer ranks first by exactly the difference in DISTANCE contribution', () => {
    const near = anOffer({ id: 'z-near', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 2), 10)] }) });
    const far = anOffer({ id: 'a-far', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 30), 40)] }) });
    const ranked = rank(aRequest({ location: MILANO }), [far, near], aContext());
    expect(ranked.map((r) => r.offerId)).toEqual(['z-near', 'a-far']);
    // Default DISTANCE weight 20; everything else is equal.
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(20 * (distanceValue(2) - distanceValue(30)), 4);
  });
});
