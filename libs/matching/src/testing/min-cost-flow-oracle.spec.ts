import fc from 'fast-check';
import { resolveCostWeights } from '../allocation/allocation-cost';
import { buildAllocationNetwork } from '../allocation/network/allocation-network';
import { AllocationInstance, arbInstance, arbTieHeavyInstance } from './arbitraries';
import { HighsSolver, loadHighs, referenceOptimum } from './highs-reference';
import { minCostFlowOracle } from './min-cost-flow-oracle';

const weights = resolveCostWeights(undefined);

describe('min-cost-flow oracle (the benchmark’s independent optimum)', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  const agreesWithHighs = ({ requests, offers, context }: AllocationInstance): void => {
    const oracle = minCostFlowOracle(buildAllocationNetwork(requests, offers, context, weights));
    const optimum = referenceOptimum(highs, requests, offers, context, weights);
    expect(oracle).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
  };

  it('finds the LP optimum on random instances', () => {
    fc.assert(fc.property(arbInstance({ maxShops: 30, maxRequestsPerShop: 3, maxOffers: 15 }), agreesWithHighs), { numRuns: 60, seed: 5 });
  });

  it('finds the LP optimum on tie-heavy instances', () => {
    fc.assert(fc.property(arbTieHeavyInstance({ maxShops: 30, maxRequestsPerShop: 4, maxOffers: 15 }), agreesWithHighs), { numRuns: 60, seed: 6 });
  });
});
