import fc from 'fast-check';
import { arbTieHeavyInstance, withShuffledInput } from '../testing/arbitraries';
import { HighsSolver, loadHighs, referenceOptimum } from '../testing/highs-reference';
import { allocate } from './allocate';
import { resolveCostWeights } from './allocation-cost';
import { buildAllocationNetwork } from './network/allocation-network';
import { solveAllocation } from './allocation-solver';
import { checkOptimality } from './certificate/optimality-certificate';

const weights = resolveCostWeights(undefined);

describe('allocator: instances full of exact ties', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it.each([
    ['small', { maxShops: 10, maxRequestsPerShop: 4, maxOffers: 8 }, 200],
    ['medium', { maxShops: 40, maxRequestsPerShop: 4, maxOffers: 20 }, 60],
  ])('serves as many as HiGHS at the same cost, with a checked certificate, on %s instances', (_name, size, runs) => {
    let tied = 0;
    fc.assert(
      fc.property(arbTieHeavyInstance(size), ({ requests, offers, context }) => {
        const network = buildAllocationNetwork(requests, offers, context, weights);
        const solution = solveAllocation(network);
        expect(checkOptimality(network, solution)).toEqual([]);
        const result = allocate(requests, offers, context);
        const optimum = referenceOptimum(highs, requests, offers, context, weights);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
        for (let r = 0; r < requests.length; r++) {
          const costs = network.edgeCost.subarray(network.edgeStart[r], network.edgeStart[r + 1]);
          if (new Set(costs).size < costs.length) tied++;
        }
      }),
      { numRuns: runs, seed: 17 },
    );
    // The property is about ties: most requests must reach several offers at the same cost.
    expect(tied).toBeGreaterThan(runs * 3);
  });

  it('returns the same allocation however the input is ordered', () => {
    const shuffled = withShuffledInput(arbTieHeavyInstance({ maxShops: 40, maxRequestsPerShop: 4, maxOffers: 20 }));
    fc.assert(
      fc.property(shuffled, ({ instance, requests, offers }) => {
        const canonical = allocate(instance.requests, instance.offers, instance.context);
        const reordered = allocate(requests, offers, instance.context);
        expect({ assignments: reordered.assignments, unserved: reordered.unserved }).toEqual({ assignments: canonical.assignments, unserved: canonical.unserved });
      }),
      { numRuns: 60, seed: 18 },
    );
  });
});
