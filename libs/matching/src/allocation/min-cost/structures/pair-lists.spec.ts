import fc from 'fast-check';
import { PairLists } from './pair-lists';

describe('PairLists', () => {
  it('always reports each set’s least (key, item), as items come and go', () => {
    const operation = fc.record({ insert: fc.boolean(), set: fc.nat({ max: 3 }), item: fc.nat({ max: 19 }), key: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        const lists = new PairLists(20);
        lists.ensureSets(4);
        const model = new Map<number, { set: number; key: number }>();
        for (const { insert, set, item, key } of operations) {
          if (insert && !model.has(item)) {
            lists.insert(set, item, key);
            model.set(item, { set, key });
          } else if (!insert && model.has(item)) {
            lists.remove(item);
            model.delete(item);
          }
          for (let s = 0; s < 4; s++) {
            const members = [...model].filter(([, v]) => v.set === s).sort(([a, x], [b, y]) => x.key - y.key || a - b);
            expect(lists.size(s)).toBe(members.length);
            // An empty set has no minimum (-1).
            expect(lists.minItem(s)).toBe(members.length > 0 ? members[0][0] : -1);
          }
        }
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
