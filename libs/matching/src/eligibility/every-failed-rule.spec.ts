import { IneligibilityReason, INELIGIBILITY_REASONS, MatchingContext, MatchingOffer, MatchingRequest } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, DAY, liveMatches, NOW, ROMA } from '../testing/builders';
import { eligibility } from './eligibility';

interface Pair {
  request: MatchingRequest;
  offer: MatchingOffer;
  context: MatchingContext;
}

/**
 * For each rule, a change to an otherwise eligible (request, offer, context) that breaks it and
 * no other rule, so that any combination of changes breaks exactly that set of rules.
 */
const BREAK: Readonly<Record<IneligibilityReason, (pair: Pair) => Pair>> = {
  CATEGORY: (p) => ({ ...p, offer: { ...p.offer, categories: [ServiceCategory.CYBERSECURITY] } }),
  OUTSIDE_COVERAGE: (p) => ({ ...p, offer: { ...p.offer, coverage: aCoverage({ comuneCodes: [ROMA.comuneCode], regionCodes: [ROMA.regionCode] }) } }),
  SECTOR: (p) => ({ ...p, offer: { ...p.offer, eligibleSectors: { sections: ['C'], divisions: ['10'] } } }),
  FULL: (p) => ({ ...p, offer: { ...p.offer, capacity: 4, used: 4 } }),
  NOT_PUBLISHED: (p) => ({ ...p, offer: { ...p.offer, status: 'DRAFT' } }),
  NOT_STARTED: (p) => ({ ...p, offer: { ...p.offer, validFrom: NOW + DAY } }),
  EXPIRED: (p) => ({ ...p, offer: { ...p.offer, validUntil: NOW - DAY } }),
  PROVIDER_NOT_APPROVED: (p) => ({ ...p, offer: { ...p.offer, providerApproved: false } }),
  // The shop's second live match moves into the request's category: the total stays 2.
  SHOP_CATEGORY_LIMIT: (p) => ({ ...p, request: { ...p.request, shopLiveMatches: liveMatches(2, { [ServiceCategory.WEBSITE]: 1, [p.request.category]: 1 }) } }),
  // K drops to the shop's two live matches.
  SHOP_LIMIT: (p) => ({ ...p, context: { ...p.context, maxLiveMatchesPerShop: 2 } }),
};

/** An ONLINE_STORE request from a shop with two live matches in other categories, K = 3. */
const eligiblePair = (): Pair => ({
  request: aRequest({
    category: ServiceCategory.ONLINE_STORE,
    shopLiveMatches: liveMatches(2, { [ServiceCategory.WEBSITE]: 1, [ServiceCategory.HOME_DELIVERY]: 1 }),
  }),
  offer: anOffer({ categories: [ServiceCategory.ONLINE_STORE] }),
  context: aContext({ maxLiveMatchesPerShop: 3 }),
});

const broken = (reasons: readonly IneligibilityReason[]): Pair => reasons.reduce((pair, reason) => BREAK[reason](pair), eligiblePair());

/** Every subset of the rules, as lists in canonical order. */
const allSubsets = (): IneligibilityReason[][] =>
  Array.from({ length: 2 ** INELIGIBILITY_REASONS.length }, (_, mask) => INELIGIBILITY_REASONS.filter((_r, i) => (mask >> i) & 1));

describe('eligibility: every failed rule, in canonical order', () => {
  it('the starting pair is eligible', () => {
    const { request, offer, context } = eligiblePair();
    expect(eligibility(request, offer, context)).toEqual({ ok: true });
  });

  it.each(INELIGIBILITY_REASONS.map((reason) => [reason]))('breaking %s alone reports it alone', (reason) => {
    const { request, offer, context } = broken([reason]);
    expect(eligibility(request, offer, context)).toEqual({ ok: false, failed: [reason] });
  });

  it('an offer failing every rule reports all ten in the order of INELIGIBILITY_REASONS', () => {
    const { request, offer, context } = broken([...INELIGIBILITY_REASONS].reverse());
    expect(eligibility(request, offer, context)).toEqual({ ok: false, failed: [...INELIGIBILITY_REASONS] });
  });

  it('each of the 1023 combinations of failed rules is reported exactly, in canonical order', () => {
    const subsets = allSubsets().filter((s) => s.length > 0);
    const reported = subsets.map((subset) => {
      // Applied in reverse so that the report order cannot come from the order of the changes.
      const { request, offer, context } = broken([...subset].reverse());
      const result = eligibility(request, offer, context);
      return result.ok ? [] : [...result.failed];
    });
    expect(reported).toEqual(subsets);
  });
});
