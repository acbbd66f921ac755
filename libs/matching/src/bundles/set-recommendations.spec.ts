import { explainAll } from '../ranking/rank';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, ROMA } from '../testing/builders';
import type { MatchingOffer } from '../model/matching.types';
import type { BundlePartInput, BundleOfferFacts, OfferLinkInput } from './bundle.types';
import { recommendSets } from './set-recommendations';

const { ONLINE_STORE, DIGITAL_PAYMENTS, HOME_DELIVERY } = ServiceCategory;
const BUNDLE = [ONLINE_STORE, DIGITAL_PAYMENTS, HOME_DELIVERY];

/** The bundle's parts judged by the real ranking against these offers, as the adapter does. */
function judge(offers: MatchingOffer[], categories = BUNDLE, live = 0): { parts: BundlePartInput[]; facts: BundleOfferFacts[] } {
  const parts = categories.map((category) => {
    const request = aRequest({ id: `req-${category}`, category, shopLiveMatches: { total: live, byCategory: {} } });
    return { requestId: request.id, category, explanation: explainAll(request, offers, aContext()) };
  });
  const facts = offers.map((offer) => ({ offerId: offer.id, providerId: offer.providerId, seatsLeft: offer.capacity - offer.used }));
  return { parts, facts };
}

const offer = (id: string, providerId: string, categories: ServiceCategory[], overrides: Partial<MatchingOffer> = {}): MatchingOffer =>
  anOffer({ id, providerId, categories, ...overrides });
const link = (offerId: string, partnerOfferId: string): OfferLinkInput => ({ offerId, partnerOfferId });

describe('set recommendations for a bundle', () => {
  it('puts one offer covering every category first, then sets that work together, then fewer providers, then scores', () => {
    const offers = [
      offer('all-in-one', 'p-suite', BUNDLE, { freePeriodMonths: 1 }),
      offer('store', 'p-store', [ONLINE_STORE], { freePeriodMonths: 12 }),
      offer('pay', 'p-pay', [DIGITAL_PAYMENTS], { freePeriodMonths: 12 }),
      offer('ship', 'p-ship', [HOME_DELIVERY], { freePeriodMonths: 12 }),
      offer('pay-2', 'p-pay-2', [DIGITAL_PAYMENTS], { freePeriodMonths: 36 }),
    ];
    const { parts, facts } = judge(offers);
    const result = recommendSets(parts, facts, [link('store', 'pay'), link('ship', 'store')], { room: 3 });
    expect(result.sets[0]).toMatchObject({ complete: true, offerIds: ['all-in-one'], providerCount: 1, groups: 1, why: ['SINGLE_OFFER'] });
    // store + pay + ship are linked (store declares pay, ship declares store): one group, despite pay-2's better score.
    expect(result.sets[1]).toMatchObject({ offerIds: ['pay', 'ship', 'store'], groups: 1, providerCount: 3, why: ['ALL_INTEGRATED'] });
    expect(result.sets[1].links).toEqual([link('pay', 'store'), link('ship', 'store')]);
    expect(result.sets[1].parts.map((p) => [p.category, p.offerId])).toEqual([
      [ONLINE_STORE, 'store'],
      [DIGITAL_PAYMENTS, 'pay'],
      [HOME_DELIVERY, 'ship'],
    ]);
    for (const set of result.sets) expect(set.score).toBeCloseTo(set.parts.reduce((sum, p) => sum + p.score, 0), 9);
    // Kept to six decimals, as each part's score is: no float residue in the API.
    for (const set of result.sets) expect(set.score).toBe(Math.round(set.score * 1e6) / 1e6);
    expect(result.sets).toHaveLength(5);
    expect(result.bestPartial).toBeNull();
    expect(result.search).toMatchObject({ candidatesPerPart: [2, 3, 2], exhaustive: true });
  });

  it('among unlinked sets prefers fewer providers, then the higher score', () => {
    const offers = [
      offer('store-a', 'p-a', [ONLINE_STORE], { freePeriodMonths: 1 }),
      offer('pay-a', 'p-a', [DIGITAL_PAYMENTS], { freePeriodMonths: 1 }),
      offer('store-b', 'p-b', [ONLINE_STORE], { freePeriodMonths: 36 }),
      offer('pay-c', 'p-c', [DIGITAL_PAYMENTS], { freePeriodMonths: 36 }),
    ];
    const { parts, facts } = judge(offers, [ONLINE_STORE, DIGITAL_PAYMENTS]);
    const result = recommendSets(parts, facts, [], { room: 3 });
    expect(result.sets.map((s) => [s.offerIds.join('+'), s.providerCount, s.why])).toEqual([
      ['pay-a+store-a', 1, ['SINGLE_PROVIDER']],
      ['pay-c+store-b', 2, ['BEST_SCORES']],
      // Equal scores: by the offers chosen, part by part.
      ['pay-c+store-a', 2, ['BEST_SCORES']],
      ['pay-a+store-b', 2, ['BEST_SCORES']],
    ]);
  });

  it('never asks more places of an offer than it has: one place left serves one part only', () => {
    const offers = [offer('suite', 'p-suite', [ONLINE_STORE, DIGITAL_PAYMENTS], { capacity: 5, used: 4 }), offer('pay', 'p-pay', [DIGITAL_PAYMENTS])];
    const { parts, facts } = judge(offers, [ONLINE_STORE, DIGITAL_PAYMENTS]);
    const result = recommendSets(parts, facts, [], { room: 3 });
    expect(result.sets.map((s) => s.parts.map((p) => p.offerId))).toEqual([['suite', 'pay']]);
  });

  it('without a complete set, gives the best partial one with each missing category and why, by rule name', () => {
    const offers = [
      offer('store', 'p-store', [ONLINE_STORE]),
      offer('pay-full', 'p-pay', [DIGITAL_PAYMENTS], { capacity: 2, used: 2 }),
      offer('ship-rome', 'p-ship', [HOME_DELIVERY], { coverage: aCoverage({ comuneCodes: [ROMA.comuneCode] }) }),
      offer('ship-paused', 'p-ship-2', [HOME_DELIVERY], { status: 'PAUSED', coverage: aCoverage({ comuneCodes: [ROMA.comuneCode] }) }),
    ];
    const { parts, facts } = judge(offers);
    const result = recommendSets(parts, facts, [], { room: 3 });
    expect(result.sets).toEqual([]);
    expect(result.bestPartial).toMatchObject({ complete: false, offerIds: ['store'] });
    expect(result.bestPartial?.missing).toEqual([
      { requestId: `req-${DIGITAL_PAYMENTS}`, category: DIGITAL_PAYMENTS, reasons: ['FULL'], waitlistOfferIds: ['pay-full'] },
      // The closest delivery offer fails one rule (coverage); the paused one fails two.
      { requestId: `req-${HOME_DELIVERY}`, category: HOME_DELIVERY, reasons: ['OUTSIDE_COVERAGE'], waitlistOfferIds: [] },
    ]);
  });

  it('says when no offer is a candidate at all, and keeps to the shop’s room for live matches', () => {
    const offers = [offer('store', 'p-store', [ONLINE_STORE]), offer('pay', 'p-pay', [DIGITAL_PAYMENTS])];
    const { parts, facts } = judge(offers);
    const none = recommendSets(parts, facts, [], { room: 3 });
    // Offers of other categories are no candidates for delivery.
    expect(none.bestPartial?.missing.map((m) => [m.category, m.reasons])).toEqual([[HOME_DELIVERY, ['NO_CANDIDATE']]]);
    const empty = recommendSets([{ ...parts[2], explanation: { ranked: [], waitlist: [], ineligible: [] } }], facts, [], { room: 3 });
    expect(empty.bestPartial?.missing.map((m) => m.reasons)).toEqual([['NO_CANDIDATE']]);
    const twoOnly = recommendSets(parts.slice(0, 2), facts, [], { room: 1 });
    expect(twoOnly.sets).toEqual([]);
    expect(twoOnly.bestPartial?.parts).toHaveLength(1);
    expect(twoOnly.bestPartial?.missing.map((m) => m.reasons)).toEqual([['SHOP_LIMIT']]);
  });

  it('says a part is missing because the request refused the only offers that would serve it, not that none covers the shop', () => {
    const offers = [offer('store', 'p-store', [ONLINE_STORE]), offer('ship', 'p-ship', [HOME_DELIVERY])];
    const { parts, facts } = judge(offers, [ONLINE_STORE, HOME_DELIVERY]);
    // The delivery request gave up 'ship' (or its provider declined it): the adapter leaves it out, and says so.
    const delivery = parts[1];
    const refused = { ...delivery, explanation: { ...delivery.explanation, ranked: [] }, refusedOfferIds: ['ship'] };
    const result = recommendSets([parts[0], refused], facts, [], { room: 3 });
    expect(result.bestPartial?.missing.map((m) => [m.category, m.reasons])).toEqual([[HOME_DELIVERY, ['REFUSED']]]);
    // Without a refusal, the same empty part has no candidate at all.
    const none = recommendSets([parts[0], { ...refused, refusedOfferIds: [] }], facts, [], { room: 3 });
    expect(none.bestPartial?.missing.map((m) => m.reasons)).toEqual([['NO_CANDIDATE']]);
  });

  it('keeps to top-k candidates and the beam, and says when the beam dropped sets', () => {
    const many = Array.from({ length: 8 }, (_, i) => [
      offer(`store-${i}`, `p-s${i}`, [ONLINE_STORE], { freePeriodMonths: i + 1 }),
      offer(`pay-${i}`, `p-p${i}`, [DIGITAL_PAYMENTS], { freePeriodMonths: i + 1 }),
      offer(`ship-${i}`, `p-h${i}`, [HOME_DELIVERY], { freePeriodMonths: i + 1 }),
    ]).flat();
    const { parts, facts } = judge(many);
    const wide = recommendSets(parts, facts, [], { room: 3 });
    expect(wide.search.candidatesPerPart).toEqual([5, 5, 5]);
    expect(wide.search.exhaustive).toBe(true);
    expect(wide.sets[0].offerIds).toEqual(['pay-7', 'ship-7', 'store-7']);
    const narrow = recommendSets(parts, facts, [], { room: 3, beamWidth: 4 });
    expect(narrow.search.exhaustive).toBe(false);
    expect(narrow.sets[0].offerIds).toEqual(['pay-7', 'ship-7', 'store-7']);
  });

  it('gives the same answer whatever the order of its inputs', () => {
    const offers = [offer('a', 'p1', [ONLINE_STORE]), offer('b', 'p2', [DIGITAL_PAYMENTS]), offer('c', 'p3', [DIGITAL_PAYMENTS]), offer('d', 'p4', [HOME_DELIVERY])];
    const { parts, facts } = judge(offers);
    const links = [link('a', 'c'), link('d', 'c')];
    const one = recommendSets(parts, facts, links, { room: 3 });
    const other = recommendSets([...parts].reverse(), [...facts].reverse(), [...links].reverse(), { room: 3 });
    expect(other.sets.map((s) => s.offerIds)).toEqual(one.sets.map((s) => s.offerIds));
    expect(one.sets[0]).toMatchObject({ offerIds: ['a', 'c', 'd'], groups: 1 });
  });
});
