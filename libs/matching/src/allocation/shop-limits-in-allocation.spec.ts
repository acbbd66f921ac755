import { MatchingRequest } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, DAY, liveMatches, MILANO, MONZA, NOW } from '../testing/builders';
import { allocate } from './allocate';

const { ONLINE_STORE, WEBSITE, HOME_DELIVERY, DIGITAL_PAYMENTS } = ServiceCategory;
const FOUR = [ONLINE_STORE, WEBSITE, HOME_DELIVERY, DIGITAL_PAYMENTS];

/** One request per category from the same shop; the first is the oldest. */
const askingFor = (categories: readonly ServiceCategory[], overrides: Partial<MatchingRequest> = {}): MatchingRequest[] =>
  categories.map((category, i) => aRequest({ id: `r${i}`, shopId: 'shop', category, createdAt: NOW - (40 - i) * DAY, ...overrides }));

const plenty = anOffer({ id: 'plenty', categories: FOUR, capacity: 100 });

describe('allocation: shop limits', () => {
  it.each<[number, number, number]>([
    // [K, live matches, expected served out of four asks]
    [3, 0, 3],
    [3, 1, 2],
    [3, 2, 1],
    [3, 3, 0],
    [3, 7, 0],
    [4, 0, 4],
    [6, 0, 4],
    [1, 0, 1],
    [0, 0, 0],
  ])('K = %i with %i live matches: %i of four asks in distinct categories are served', (k, live, served) => {
    const result = allocate(askingFor(FOUR, { shopLiveMatches: liveMatches(live) }), [plenty], aContext({ maxLiveMatchesPerShop: k }));
    expect(result.served).toBe(served);
    expect(result.unserved.map((u) => u.reason)).toEqual(Array(4 - served).fill('SHOP_LIMIT'));
  });

  it('when the shop can take only two, its two oldest asks are served', () => {
    const result = allocate(askingFor(FOUR), [plenty], aContext({ maxLiveMatchesPerShop: 2 }));
    expect(result.assignments.map((a) => a.requestId)).toEqual(['r0', 'r1']);
  });

  it('a live match in a category blocks that category and leaves the others', () => {
    const requests = askingFor([ONLINE_STORE, WEBSITE], { shopLiveMatches: liveMatches(1, { [ONLINE_STORE]: 1 }) });
    const result = allocate(requests, [plenty], aContext());
    expect(result.assignments.map((a) => a.requestId)).toEqual(['r1']);
    expect(result.unserved).toEqual([{ requestId: 'r0', reason: 'SHOP_LIMIT' }]);
  });

  it('two asks in one category get one match, even with room in two offers', () => {
    const requests = askingFor([WEBSITE, WEBSITE, WEBSITE]);
    const result = allocate(requests, [anOffer({ id: 'o1', categories: [WEBSITE] }), anOffer({ id: 'o2', categories: [WEBSITE] })], aContext());
    expect(result.served).toBe(1);
  });

  it('limits are per shop: another shop asking the same is not held back', () => {
    const mine = askingFor([WEBSITE, WEBSITE]);
    const theirs = mine.map((r) => ({ ...r, id: `other-${r.id}`, shopId: 'other-shop' }));
    const result = allocate([...mine, ...theirs], [plenty], aContext());
    expect(result.served).toBe(2);
    expect(new Set(result.assignments.map((a) => a.requestId.startsWith('other-')))).toEqual(new Set([true, false]));
  });

  it('when the shop’s requests disagree on its live matches (a stale read), the larger count holds', () => {
    const requests = askingFor([ONLINE_STORE, WEBSITE, HOME_DELIVERY]).map((r, i) => ({ ...r, shopLiveMatches: liveMatches(i === 1 ? 2 : 0) }));
    expect(allocate(requests, [plenty], aContext({ maxLiveMatchesPerShop: 3 })).served).toBe(1);
  });

  it('when the category counts disagree, a live match reported by any request holds', () => {
    const requests = askingFor([ONLINE_STORE, WEBSITE]).map((r, i) => ({ ...r, shopLiveMatches: i === 1 ? liveMatches(1, { [ONLINE_STORE]: 1 }) : liveMatches(0) }));
    const result = allocate(requests, [plenty], aContext());
    expect(result.assignments.map((a) => a.requestId)).toEqual(['r1']);
  });

  it('a shop limit does not waste a contested slot: the shop is served where nobody else can be', () => {
    // K = 1 for the Milano shop: its ONLINE_STORE ask could take the only national slot, but its
    // WEBSITE ask can use the Milano offer, leaving the national slot for the shop in Monza.
    const milanoShop = [
      aRequest({ id: 'm-store', shopId: 'milano', category: ONLINE_STORE, createdAt: NOW - 60 * DAY }),
      aRequest({ id: 'm-site', shopId: 'milano', category: WEBSITE, createdAt: NOW - DAY }),
    ];
    const monzaShop = aRequest({ id: 'z-store', shopId: 'monza', category: ONLINE_STORE, location: MONZA, createdAt: NOW - DAY });
    const national = anOffer({ id: 'national', capacity: 1, categories: [ONLINE_STORE] });
    const milanoSites = anOffer({ id: 'milano-sites', capacity: 5, categories: [WEBSITE], coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) });
    const result = allocate([...milanoShop, monzaShop], [national, milanoSites], aContext({ maxLiveMatchesPerShop: 1 }));
    expect(result.assignments.map((a) => [a.requestId, a.offerId])).toEqual([
      ['m-site', 'milano-sites'],
      ['z-store', 'national'],
    ]);
    expect(result.unserved).toEqual([{ requestId: 'm-store', reason: 'SHOP_LIMIT' }]);
  });
});
