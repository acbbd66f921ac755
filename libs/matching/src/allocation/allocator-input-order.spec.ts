import fc from 'fast-check';
import { arbInstance, withShuffledInput } from '../testing/arbitraries';
import { allocate } from './allocate';

describe('allocator: input order', () => {
  it('returns the same allocation however requests and offers are listed', () => {
    fc.assert(
      fc.property(
        withShuffledInput(arbInstance({ maxShops: 30, maxRequestsPerShop: 3, maxOffers: 16 })),
        ({ instance, requests, offers }) => {
          const canonical = allocate(instance.requests, instance.offers, instance.context);
          const shuffled = allocate(requests, offers, instance.context);
          expect({ assignments: shuffled.assignments, unserved: shuffled.unserved }).toEqual({
            assignments: canonical.assignments,
            unserved: canonical.unserved,
          });
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });
});
