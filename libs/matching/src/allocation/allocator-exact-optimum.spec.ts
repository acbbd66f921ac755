import fc from 'fast-check';
import { arbInstance } from '../testing/arbitraries';
import { HighsSolver, loadHighs, referenceOptimum } from '../testing/highs-reference';
import { allocate } from './allocate';

describe('allocator: exact optimum', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it.each([
    ['small', { maxShops: 8, maxRequestsPerShop: 3, maxOffers: 6 }, 300],
    ['medium', { maxShops: 40, maxRequestsPerShop: 3, maxOffers: 20 }, 80],
  ])('serves as many as HiGHS and at the same total cost on random %s instances', (_name, size, runs) => {
    fc.assert(
      fc.property(arbInstance(size), ({ requests, offers, context }) => {
        const result = allocate(requests, offers, context);
        const optimum = referenceOptimum(highs, requests, offers, context);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
      }),
      { numRuns: runs, seed: 20240301 },
    );
  });
});
