import fc from 'fast-check';
import { EndBound } from './end-bound';

describe('EndBound', () => {
  it('is the want-th least key among the ends, each top counted once at its cheapest, over successive searches', () => {
    const end = fc.record({ top: fc.nat({ max: 9 }), key: fc.integer({ min: 0, max: 12 }) });
    const search = fc.record({ want: fc.integer({ min: 1, max: 6 }), ends: fc.array(end, { maxLength: 30 }) });
    fc.assert(
      fc.property(fc.array(search, { minLength: 1, maxLength: 4 }), (searches) => {
        const bound = new EndBound(10, 6);
        for (const { want, ends } of searches) {
          bound.reset(want);
          const cheapest = new Map<number, number>();
          for (const { top, key } of ends) {
            cheapest.set(top, Math.min(key, cheapest.get(top) ?? Infinity));
            const keys = [...cheapest.values()].sort((a, b) => a - b);
            expect(bound.add(top, key)).toBe(keys.length >= want ? keys[want - 1] : Infinity);
          }
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('stays unbounded until want distinct tops have ends', () => {
    const bound = new EndBound(5, 3);
    bound.reset(3);
    expect(bound.add(1, 4)).toBe(Infinity);
    expect(bound.add(1, 2)).toBe(Infinity); // the same top again: still one
    expect(bound.add(2, 7)).toBe(Infinity);
    expect(bound.add(3, 5)).toBe(7);
    expect(bound.add(2, 1)).toBe(5); // top 2 got cheaper: the third least is now top 3's
    expect(bound.add(4, 3)).toBe(3); // top 3 drops out of the three cheapest
  });
});
