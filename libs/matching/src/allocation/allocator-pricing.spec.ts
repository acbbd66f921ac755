import fc from 'fast-check';
import { arbInstance } from '../testing/arbitraries';
import { HighsSolver, loadHighs, referenceOptimum } from '../testing/highs-reference';
import { resolveCostWeights } from './allocation-cost';
import { buildAllocationNetwork } from './allocation-network';
import { solveAllocation } from './allocation-solver';
import { checkOptimality } from './optimality-certificate';

const weights = resolveCostWeights(undefined);

describe('allocator: pricing hidden edges', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('stays exact and certified when each request first shows only its cheapest edge', () => {
    let widened = 0;
    fc.assert(
      fc.property(arbInstance({ maxShops: 40, maxRequestsPerShop: 3, maxOffers: 24 }), ({ requests, offers, context }) => {
        const network = buildAllocationNetwork(requests, offers, context, weights);
        const solution = solveAllocation(network, { requestExposure: 1 });
        widened += solution.stats.widened;
        expect(checkOptimality(network, solution)).toEqual([]);
        let served = 0;
        let totalCost = 0;
        for (const e of solution.assignedEdge) {
          if (e < 0) continue;
          served++;
          totalCost += network.edgeCost[e];
        }
        const optimum = referenceOptimum(highs, requests, offers, context, weights);
        expect({ served, totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
      }),
      { numRuns: 60, seed: 11 },
    );
    // The property only means something if pricing actually had to widen somewhere.
    expect(widened).toBeGreaterThan(0);
  });
});
