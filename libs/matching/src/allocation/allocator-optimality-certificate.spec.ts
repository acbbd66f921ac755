import fc from 'fast-check';
import { arbInstance } from '../testing/arbitraries';
import { HighsSolver, loadHighs, referenceOptimum } from '../testing/highs-reference';
import { allocate } from './allocate';
import { AllocationCostWeights, resolveCostWeights } from './allocation-cost';
import { buildAllocationNetwork } from './network/allocation-network';
import { solveAllocation } from './allocation-solver';
import { checkOptimality } from './certificate/optimality-certificate';

/** Weightings that change which requests win a contested slot: age only, distance-heavy, defaults. */
const WEIGHTINGS: readonly Partial<AllocationCostWeights>[] = [{ perAlternative: 0, perDayYounger: 1 }, { perCoverageLevel: 1, perKm: 7 }, {}];

describe('allocator: optimality certificate', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it.each([
    ['small', { maxShops: 8, maxRequestsPerShop: 3, maxOffers: 8 }, 400],
    ['medium', { maxShops: 40, maxRequestsPerShop: 4, maxOffers: 20 }, 60],
    ['larger', { maxShops: 150, maxRequestsPerShop: 3, maxOffers: 40 }, 15],
  ])('every residual arc has reduced cost ≥ 0 and HiGHS agrees, under every weighting, on %s instances', (_name, size, runs) => {
    fc.assert(
      fc.property(arbInstance(size), fc.constantFrom(...WEIGHTINGS), ({ requests, offers, context }, overrides) => {
        const weights = resolveCostWeights(overrides);
        const network = buildAllocationNetwork(requests, offers, context, weights);
        expect(checkOptimality(network, solveAllocation(network))).toEqual([]);
        const result = allocate(requests, offers, { ...context, costWeights: overrides });
        const optimum = referenceOptimum(highs, requests, offers, context, weights);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
      }),
      { numRuns: runs, seed: 7 },
    );
  });
});
