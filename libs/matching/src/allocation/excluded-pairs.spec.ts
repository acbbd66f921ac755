import fc from 'fast-check';
import { ExcludedPairs } from '../model/matching.types';
import { arbInstance } from '../testing/arbitraries';
import { aContext, aCoverage, anOffer, aRequest, ROMA } from '../testing/builders';
import { HighsSolver, loadHighs, referenceOptimum } from '../testing/highs-reference';
import { allocate } from './allocate';

describe('allocator: excluded pairs (a request is never given again an offer it refused)', () => {
  const local = anOffer({ id: 'local', coverage: aCoverage({ national: false, comuneCodes: [ROMA.comuneCode] }) });
  const national = anOffer({ id: 'national' });
  const request = aRequest({ id: 'r1', location: ROMA });

  it('gives the request its next best offer instead of the excluded one', () => {
    expect(allocate([request], [local, national], aContext()).assignments.map((a) => a.offerId)).toEqual(['local']);
    const result = allocate([request], [local, national], { ...aContext(), excludedPairs: new Map([['r1', new Set(['local'])]]) });
    expect(result.assignments.map((a) => a.offerId)).toEqual(['national']);
  });

  it('leaves the request unserved, saying that only refused offers cover it, when it refused every offer it could have', () => {
    const result = allocate([request], [local], { ...aContext(), excludedPairs: new Map([['r1', new Set(['local'])]]) });
    expect(result.assignments).toEqual([]);
    expect(result.unserved).toEqual([{ requestId: 'r1', reason: 'ONLY_REFUSED' }]);
  });

  it('says no offer covers the request when the offer it refused does not cover it (any more) either', () => {
    const elsewhere = anOffer({ id: 'elsewhere', coverage: aCoverage({ national: false, comuneCodes: ['001272'] }) });
    const radius = anOffer({ id: 'radius', coverage: aCoverage({ national: false, radii: [{ latitude: ROMA.latitude, longitude: ROMA.longitude, km: 5 }] }) });
    const excluded = new Map([['r1', new Set(['elsewhere', 'radius'])]]);
    expect(allocate([request], [elsewhere], { ...aContext(), excludedPairs: excluded }).unserved).toEqual([{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }]);
    // A refused radius offer whose circle reaches the shop still counts as covering it.
    expect(allocate([request], [radius], { ...aContext(), excludedPairs: excluded }).unserved).toEqual([{ requestId: 'r1', reason: 'ONLY_REFUSED' }]);
  });

  it('keeps the offer for the other requests, and ignores ids it does not know', () => {
    const neighbour = aRequest({ id: 'r2', shopId: 'shop-2', location: ROMA });
    const result = allocate([request, neighbour], [local], { ...aContext(), excludedPairs: new Map([['r1', new Set(['local', 'gone'])], ['ghost', new Set(['local'])]]) });
    expect(result.assignments.map((a) => [a.requestId, a.offerId])).toEqual([['r2', 'local']]);
  });

  describe('on random instances with random exclusions', () => {
    let highs: HighsSolver;
    beforeAll(async () => {
      highs = await loadHighs();
    });

    it('never makes an excluded pair, and serves as many as HiGHS at the same cost', () => {
      fc.assert(
        fc.property(
          arbInstance({ maxShops: 20, maxRequestsPerShop: 3, maxOffers: 12 }).chain((instance) =>
            fc.record({
              instance: fc.constant(instance),
              // Each request refuses a random subset of the offers.
              refusals: fc.array(fc.subarray(instance.offers.map((o) => o.id)), { minLength: instance.requests.length, maxLength: instance.requests.length }),
            }),
          ),
          ({ instance: { requests, offers, context }, refusals }) => {
            const excludedPairs: ExcludedPairs = new Map(requests.map((r, i) => [r.id, new Set(refusals[i])]));
            const result = allocate(requests, offers, { ...context, excludedPairs });
            for (const assignment of result.assignments) expect(excludedPairs.get(assignment.requestId)?.has(assignment.offerId)).toBe(false);
            const optimum = referenceOptimum(highs, requests, offers, { ...context, excludedPairs });
            expect({ served: result.served, totalCost: result.totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
          },
        ),
        { numRuns: 150, seed: 20261204 },
      );
    });
  });
});
