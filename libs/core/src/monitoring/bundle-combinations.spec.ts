import { ServiceCategory } from '@vec/matching';
import { type AskedCategories, summariseCombinations } from './bundle-combinations';

const { ONLINE_STORE: STORE, DIGITAL_PAYMENTS: PAY, HOME_DELIVERY: DELIVERY, WEBSITE } = ServiceCategory;
const asked = (categories: ServiceCategory[], parts: number, counts: Partial<AskedCategories> = {}): AskedCategories => ({
  categories,
  parts,
  asked: 1,
  complete: 0,
  partial: 0,
  notServed: 1,
  withdrawn: 0,
  ...counts,
});

describe('summariseCombinations: the bundles asked, by combination of services', () => {
  it('is all zeros without bundles', () => {
    expect(summariseCombinations([])).toEqual({ asked: 0, complete: 0, partial: 0, notServed: 0, withdrawn: 0, parts: 0, combinations: [] });
  });

  it('merges the same services asked in different orders, in the platform’s order, and sums every count', () => {
    const summary = summariseCombinations([
      asked([PAY, STORE], 4, { asked: 2, complete: 1, notServed: 1 }),
      asked([STORE, PAY], 6, { asked: 3, partial: 2, notServed: 0, withdrawn: 1 }),
      asked([DELIVERY, STORE, PAY], 3),
    ]);
    expect(summary).toEqual({
      asked: 6,
      complete: 1,
      partial: 2,
      notServed: 2,
      withdrawn: 1,
      parts: 13,
      combinations: [
        { categories: [STORE, PAY], asked: 5, complete: 1, partial: 2, notServed: 1, withdrawn: 1 },
        { categories: [STORE, DELIVERY, PAY], asked: 1, complete: 0, partial: 0, notServed: 1, withdrawn: 0 },
      ],
    });
  });

  it('puts the most asked first, ties in the platform’s order of services (a combination before its longer continuation)', () => {
    const order = summariseCombinations([asked([WEBSITE, PAY], 2), asked([STORE, DELIVERY, PAY], 3), asked([STORE, PAY], 2), asked([STORE, DELIVERY], 2)]).combinations;
    expect(order.map((c) => c.categories)).toEqual([
      [STORE, DELIVERY],
      [STORE, DELIVERY, PAY],
      [STORE, PAY],
      [PAY, WEBSITE],
    ]);
  });
});
