import fc from 'fast-check';
import { arbInstance, arbTieHeavyInstance } from '../../testing/arbitraries';
import { resolveCostWeights } from '../allocation-cost';
import { buildAllocationNetwork } from './allocation-network';
import { groupOffers } from './offer-groups';

const weights = resolveCostWeights(undefined);
const instances = fc.oneof(arbInstance({ maxShops: 30, maxRequestsPerShop: 3, maxOffers: 15 }), arbTieHeavyInstance({ maxShops: 30, maxRequestsPerShop: 4, maxOffers: 15 }));

describe('offer groups', () => {
  it('reproduce every candidate edge exactly once, at its cost, and nothing else', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const network = buildAllocationNetwork(requests, offers, context, weights);
        const groups = groupOffers(network, () => true);
        for (let r = 0; r < requests.length; r++) {
          const edges: string[] = [];
          for (let e = network.edgeStart[r]; e < network.edgeStart[r + 1]; e++) edges.push(`${network.edgeOffer[e]}@${network.edgeCost[e]}`);
          const viaGroups: string[] = [];
          for (let a = groups.armStart[r]; a < groups.armStart[r + 1]; a++) {
            const g = groups.armGroup[a];
            for (let k = groups.memberStart[g]; k < groups.memberStart[g + 1]; k++) viaGroups.push(`${groups.memberOffer[k]}@${groups.armCost[a]}`);
          }
          expect(viaGroups.sort()).toEqual(edges.sort());
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('give each request one arm per cost, cheapest first, and one group per set of offers', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const groups = groupOffers(buildAllocationNetwork(requests, offers, context, weights), () => true);
        for (let r = 0; r < requests.length; r++) {
          for (let a = groups.armStart[r] + 1; a < groups.armStart[r + 1]; a++) expect(groups.armCost[a]).toBeGreaterThan(groups.armCost[a - 1]);
        }
        const memberLists = new Set<string>();
        for (let g = 0; g < groups.groupCount; g++) memberLists.add(groups.memberOffer.subarray(groups.memberStart[g], groups.memberStart[g + 1]).join(','));
        expect(memberLists.size).toBe(groups.groupCount);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('share a group between the shops of one comune that reach the same tied offers', () => {
    const tied = arbTieHeavyInstance({ maxShops: 40, maxRequestsPerShop: 4, maxOffers: 20 });
    let arms = 0;
    let edges = 0;
    fc.assert(
      fc.property(tied, ({ requests, offers, context }) => {
        const network = buildAllocationNetwork(requests, offers, context, weights);
        const groups = groupOffers(network, () => true);
        arms += groups.armGroup.length;
        edges += network.edgeOffer.length;
      }),
      { numRuns: 50, seed: 5 },
    );
    // Ties are the rule there: far fewer arms than edges.
    expect(arms * 2).toBeLessThan(edges);
  });
});
