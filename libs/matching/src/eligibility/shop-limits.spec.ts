import { EligibilityResult, MatchingContext, ShopLiveMatches } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, anOffer, aRequest, liveMatches } from '../testing/builders';
import { eligibility } from './eligibility';

const OK: EligibilityResult = { ok: true };
const { ONLINE_STORE, WEBSITE } = ServiceCategory;

interface Case {
  name: string;
  live: ShopLiveMatches;
  k: MatchingContext['maxLiveMatchesPerShop'];
  expected: EligibilityResult;
}

// The request is always for ONLINE_STORE.
const CASES: Case[] = [
  { name: 'no live match', live: liveMatches(0), k: 3, expected: OK },
  { name: 'a live match in another category', live: liveMatches(1, { [WEBSITE]: 1 }), k: 3, expected: OK },
  { name: 'a live match in the same category', live: liveMatches(1, { [ONLINE_STORE]: 1 }), k: 3, expected: { ok: false, failed: ['SHOP_CATEGORY_LIMIT'] } },
  { name: 'a zero count for the same category', live: liveMatches(1, { [ONLINE_STORE]: 0, [WEBSITE]: 1 }), k: 3, expected: OK },
  { name: 'K − 1 live matches', live: liveMatches(2), k: 3, expected: OK },
  { name: 'K live matches', live: liveMatches(3), k: 3, expected: { ok: false, failed: ['SHOP_LIMIT'] } },
  { name: 'more than K live matches', live: liveMatches(5), k: 3, expected: { ok: false, failed: ['SHOP_LIMIT'] } },
  { name: 'K = 1 and none live', live: liveMatches(0), k: 1, expected: OK },
  { name: 'K = 1 and one live elsewhere', live: liveMatches(1, { [WEBSITE]: 1 }), k: 1, expected: { ok: false, failed: ['SHOP_LIMIT'] } },
  { name: 'K = 0', live: liveMatches(0), k: 0, expected: { ok: false, failed: ['SHOP_LIMIT'] } },
  {
    name: 'K live matches, one in the same category',
    live: liveMatches(3, { [ONLINE_STORE]: 1, [WEBSITE]: 2 }),
    k: 3,
    expected: { ok: false, failed: ['SHOP_CATEGORY_LIMIT', 'SHOP_LIMIT'] },
  },
];

describe('eligibility: shop limits (one live match per category, K overall)', () => {
  it.each(CASES)('a shop with $name (K = $k)', ({ live, k, expected }) => {
    const request = aRequest({ category: ONLINE_STORE, shopLiveMatches: live });
    expect(eligibility(request, anOffer({ categories: [ONLINE_STORE, WEBSITE] }), aContext({ maxLiveMatchesPerShop: k }))).toEqual(expected);
  });

  it('a live match in one category blocks that category only', () => {
    const live = liveMatches(1, { [WEBSITE]: 1 });
    const offer = anOffer({ categories: [ONLINE_STORE, WEBSITE] });
    expect(eligibility(aRequest({ category: WEBSITE, shopLiveMatches: live }), offer, aContext())).toEqual({ ok: false, failed: ['SHOP_CATEGORY_LIMIT'] });
    expect(eligibility(aRequest({ category: ONLINE_STORE, shopLiveMatches: live }), offer, aContext())).toEqual(OK);
  });
});
