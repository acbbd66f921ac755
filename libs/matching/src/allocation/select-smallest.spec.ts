import fc from 'fast-check';
import { selectSmallest } from './select-smallest';

describe('selectSmallest', () => {
  it('finds the k-th smallest of distinct values', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, pick) => {
        const k = 1 + (pick % values.length);
        const sorted = [...values].sort((a, b) => a - b);
        expect(selectSmallest(Float64Array.from(values), k)).toBe(sorted[k - 1]);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
