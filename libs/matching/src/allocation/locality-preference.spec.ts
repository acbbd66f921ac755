import { CoverageLevel, MatchingOffer } from '../model/matching.types';
import { aContext, aCoverage, anOffer, aRadius, aRequest, DAY, MILANO, northOf, NOW, ROMA } from '../testing/builders';
import { allocate } from './allocate';

const LOCAL = anOffer({ id: 'local', capacity: 1, coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) });
const NATIONAL = anOffer({ id: 'national', capacity: 1, coverage: aCoverage({ national: true }) });

const BY_LEVEL: Readonly<Record<CoverageLevel, MatchingOffer>> = {
  COMUNE: anOffer({ id: 'e-comune', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) }),
  RADIUS: anOffer({ id: 'd-radius', coverage: aCoverage({ radii: [aRadius(MILANO, 5)] }) }),
  PROVINCE: anOffer({ id: 'c-province', coverage: aCoverage({ provinceCodes: [MILANO.provinceCode] }) }),
  REGION: anOffer({ id: 'b-region', coverage: aCoverage({ regionCodes: [MILANO.regionCode] }) }),
  NATIONAL: anOffer({ id: 'a-national', coverage: aCoverage({ national: true }) }),
};

describe('allocation: local coverage first, national capacity kept for shops with nothing closer', () => {
  it.each([
    ['local offer listed first', [LOCAL, NATIONAL], 'milano'],
    ['national offer listed first', [NATIONAL, LOCAL], 'milano'],
    ['Roma listed first', [NATIONAL, LOCAL], 'roma'],
  ])('the Milano shop takes the comune offer and the Roma shop the national one (%s)', (_name, offers, firstShop) => {
    const milano = aRequest({ id: 'a-milano', shopId: 'milano', location: MILANO, createdAt: NOW - 30 * DAY });
    const roma = aRequest({ id: 'b-roma', shopId: 'roma', location: ROMA, createdAt: NOW - DAY });
    const requests = firstShop === 'milano' ? [milano, roma] : [roma, milano];
    const result = allocate(requests, offers, aContext());
    expect(result.assignments.map((a) => [a.requestId, a.offerId, a.coverageLevel])).toEqual([
      ['a-milano', 'local', 'COMUNE'],
      ['b-roma', 'national', 'NATIONAL'],
    ]);
  });

  it.each<[CoverageLevel[], CoverageLevel]>([
    [['NATIONAL', 'REGION', 'PROVINCE', 'RADIUS', 'COMUNE'], 'COMUNE'],
    [['NATIONAL', 'REGION', 'PROVINCE', 'RADIUS'], 'RADIUS'],
    [['NATIONAL', 'REGION', 'PROVINCE'], 'PROVINCE'],
    [['NATIONAL', 'REGION'], 'REGION'],
    [['NATIONAL'], 'NATIONAL'],
  ])('with offers at %j and room in all, the shop alone gets the %s one', (levels, expected) => {
    const result = allocate([aRequest()], levels.map((level) => BY_LEVEL[level]), aContext());
    expect(result.assignments.map((a) => [a.offerId, a.coverageLevel])).toEqual([[BY_LEVEL[expected].id, expected]]);
  });

  it('costs are as documented: 100 per level, and the request term for age and alternatives', () => {
    // 10 days old: 5 × (90 − 10) = 400; two offers with room: 25 × (2 − 1) = 25; comune: 0.
    const result = allocate([aRequest({ createdAt: NOW - 10 * DAY })], [BY_LEVEL.COMUNE, BY_LEVEL.NATIONAL], aContext());
    expect(result.assignments).toEqual([{ requestId: 'req-1', offerId: 'e-comune', cost: 425, coverageLevel: 'COMUNE', distanceKm: 0 }]);
    expect(result.totalCost).toBe(425);
    const nationalOnly = allocate([aRequest({ createdAt: NOW - 10 * DAY })], [BY_LEVEL.NATIONAL], aContext());
    expect(nationalOnly.assignments.map((a) => a.cost)).toEqual([400 + 4 * 100]);
  });

  it('of two radius offers, the nearer centre is used (2 per km)', () => {
    const near = anOffer({ id: 'z-near', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 3), 10)] }) });
    const far = anOffer({ id: 'a-far', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 40), 50)] }) });
    const result = allocate([aRequest({ createdAt: NOW - 100 * DAY })], [far, near], aContext());
    // Older than 90 days: no age term; two alternatives: 25; radius level: 100; 3 km: 6.
    expect(result.assignments).toEqual([{ requestId: 'req-1', offerId: 'z-near', cost: 25 + 100 + 6, coverageLevel: 'RADIUS', distanceKm: expect.closeTo(3, 6) }]);
  });

  it('with custom weights that ignore locality, the national slot still goes to the shop that needs it', () => {
    const milano = aRequest({ id: 'a-milano', shopId: 'milano', location: MILANO });
    const roma = aRequest({ id: 'b-roma', shopId: 'roma', location: ROMA });
    const result = allocate([milano, roma], [NATIONAL, LOCAL], { ...aContext(), costWeights: { perCoverageLevel: 0, perKm: 0 } });
    expect(result.served).toBe(2);
    expect(result.assignments.find((a) => a.requestId === 'b-roma')?.offerId).toBe('national');
  });
});
