import { MatchingRequest } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, DAY, MILANO, MONZA, NOW } from '../testing/builders';
import { allocate } from './allocate';
import { AllocationCostWeights } from './allocation-cost';

const { ONLINE_STORE, WEBSITE, HOME_DELIVERY } = ServiceCategory;
const AGE_ONLY: Partial<AllocationCostWeights> = { perAlternative: 0 };
const ALTERNATIVES_ONLY: Partial<AllocationCostWeights> = { perDayYounger: 0 };

const requestAged = (id: string, ageDays: number, overrides: Partial<MatchingRequest> = {}): MatchingRequest =>
  aRequest({ id, shopId: `shop-${id}`, createdAt: NOW - ageDays * DAY, ...overrides });

describe('allocation: priority when not everyone can be served', () => {
  it.each<[string, [string, number], [string, number], Partial<AllocationCostWeights>]>([
    ['the older has the smaller id', ['r-a', 30], ['r-b', 5], {}],
    ['the older has the larger id', ['r-b', 30], ['r-a', 5], {}],
    ['they are a day apart', ['r-b', 11], ['r-a', 10], {}],
    ['one was just created, the other 89 days ago', ['r-b', 89], ['r-a', 0], {}],
    ['age alone is weighed', ['r-b', 40], ['r-a', 20], AGE_ONLY],
  ])('one slot, two requests: the older wins when %s, in either input order', (_name, [olderId, olderAge], [youngerId, youngerAge], costWeights) => {
    const requests = [requestAged(youngerId, youngerAge), requestAged(olderId, olderAge)];
    const offers = [anOffer({ capacity: 1 })];
    const results = [requests, [...requests].reverse()].map((order) => allocate(order, offers, { ...aContext(), costWeights }));
    for (const result of results) {
      expect(result.assignments.map((a) => a.requestId)).toEqual([olderId]);
      expect(result.unserved).toEqual([{ requestId: youngerId, reason: 'ALL_FULL' }]);
    }
  });

  // X and Y have one slot each. ONLINE_STORE is offered by X only, HOME_DELIVERY by Y only,
  // WEBSITE by both: any two of the three requests can be served, and the one left out should
  // be the WEBSITE request, which had two offers to choose from.
  const X = anOffer({ id: 'x', capacity: 1, categories: [ONLINE_STORE, WEBSITE] });
  const Y = anOffer({ id: 'y', capacity: 1, categories: [WEBSITE, HOME_DELIVERY] });

  type Contested = ServiceCategory.ONLINE_STORE | ServiceCategory.WEBSITE | ServiceCategory.HOME_DELIVERY;
  const CONTESTED: readonly Contested[] = [ONLINE_STORE, WEBSITE, HOME_DELIVERY];

  it.each<[string, Record<Contested, string>, Partial<AllocationCostWeights>]>([
    ['default weights', { [ONLINE_STORE]: 'r-a', [WEBSITE]: 'r-b', [HOME_DELIVERY]: 'r-c' }, {}],
    ['alternatives alone are weighed', { [ONLINE_STORE]: 'r-a', [WEBSITE]: 'r-b', [HOME_DELIVERY]: 'r-c' }, ALTERNATIVES_ONLY],
    ['the flexible request has the smallest id', { [ONLINE_STORE]: 'r-b', [WEBSITE]: 'r-a', [HOME_DELIVERY]: 'r-c' }, {}],
    ['the flexible request has the largest id', { [ONLINE_STORE]: 'r-a', [WEBSITE]: 'r-c', [HOME_DELIVERY]: 'r-b' }, {}],
  ])('of equally old requests, the one with more alternatives gives way (%s)', (_name, ids, costWeights) => {
    const requests = CONTESTED.map((category) => requestAged(ids[category], 10, { category }));
    const result = allocate(requests, [X, Y], { ...aContext(), costWeights });
    expect(result.served).toBe(2);
    expect(result.unserved).toEqual([{ requestId: ids[WEBSITE], reason: 'ALL_FULL' }]);
  });

  it('ten days of age outweigh one extra alternative (5 per day against 25): the flexible but older request is served', () => {
    const requests = [
      requestAged('r-a', 10, { category: ONLINE_STORE }),
      requestAged('r-b', 20, { category: WEBSITE }),
      requestAged('r-c', 10, { category: HOME_DELIVERY }),
    ];
    const result = allocate(requests, [X, Y], aContext());
    expect(result.served).toBe(2);
    expect(result.assignments.map((a) => a.requestId)).toContain('r-b');
  });

  it('priority never costs a shop its service: the older request takes the offer the younger cannot use', () => {
    // The younger shop, in Milano, can use either offer; the older one, in Monza, only the national.
    const older = requestAged('r-old', 80, { location: MONZA });
    const younger = requestAged('r-young', 0, { location: MILANO });
    const milanoOnly = anOffer({ id: 'a-milano', capacity: 1, coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) });
    const national = anOffer({ id: 'b-national', capacity: 1 });
    const result = allocate([older, younger], [national, milanoOnly], aContext());
    expect(result.assignments.map((a) => [a.requestId, a.offerId])).toEqual([
      ['r-old', 'b-national'],
      ['r-young', 'a-milano'],
    ]);
  });
});
