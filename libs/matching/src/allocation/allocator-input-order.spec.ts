import fc from 'fast-check';
import { arbInstance } from '../testing/arbitraries';
import { allocate } from './allocate';

describe('allocator: input order', () => {
  it('returns the same allocation however requests and offers are listed', () => {
    fc.assert(
      fc.property(
        arbInstance({ maxShops: 30, maxRequestsPerShop: 3, maxOffers: 16 }).chain((instance) =>
          fc.record({
            instance: fc.constant(instance),
            requests: fc.shuffledSubarray(instance.requests, { minLength: instance.requests.length }),
            offers: fc.shuffledSubarray(instance.offers, { minLength: instance.offers.length }),
          }),
        ),
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
