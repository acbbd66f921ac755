import { MatchingOffer } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRadius, aRequest, MILANO, northOf } from '../testing/builders';
import { DEFAULT_RANK_WEIGHTS, rank, RankWeights, ScoreComponentName } from './rank';

const NAMES: readonly ScoreComponentName[] = ['COVERAGE', 'DISTANCE', 'CATEGORY_FIT', 'FREE_PERIOD', 'REMAINING_CAPACITY'];
const { ONLINE_STORE, WEBSITE, HOME_DELIVERY, SOCIAL_MARKETING } = ServiceCategory;

const OFFERS: readonly MatchingOffer[] = [
  anOffer({ id: 'comune', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }), freePeriodMonths: 3, capacity: 5, used: 1 }),
  anOffer({ id: 'radius', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 7), 10)] }), categories: [ONLINE_STORE, WEBSITE], freePeriodMonths: 30 }),
  anOffer({ id: 'province', coverage: aCoverage({ provinceCodes: ['015'] }), categories: [ONLINE_STORE, WEBSITE, HOME_DELIVERY], capacity: 7, used: 6 }),
  anOffer({ id: 'national', coverage: aCoverage({ national: true }), categories: [ONLINE_STORE, SOCIAL_MARKETING], freePeriodMonths: 0, capacity: 1 }),
];

const WEIGHTINGS: readonly { name: string; weights: RankWeights }[] = [
  { name: 'default', weights: DEFAULT_RANK_WEIGHTS },
  { name: 'distance only', weights: { COVERAGE: 0, DISTANCE: 1, CATEGORY_FIT: 0, FREE_PERIOD: 0, REMAINING_CAPACITY: 0 } },
  { name: 'uneven', weights: { COVERAGE: 3, DISTANCE: 17.5, CATEGORY_FIT: 0.25, FREE_PERIOD: 60, REMAINING_CAPACITY: 8 } },
];

describe('ranking: explained score', () => {
  it.each(WEIGHTINGS)('with $name weights every offer lists the five components, each contribution = value × weight, summing to the score', ({ weights }) => {
    const ranked = rank(aRequest(), OFFERS, aContext(), weights);
    expect(ranked).toHaveLength(OFFERS.length);
    for (const offer of ranked) {
      expect(offer.components.map((c) => c.name)).toEqual(NAMES);
      for (const c of offer.components) {
        expect(c.weight).toBe(weights[c.name]);
        expect(c.value).toBeGreaterThanOrEqual(0);
        expect(c.value).toBeLessThanOrEqual(1);
        expect(c.contribution).toBeCloseTo(c.value * c.weight, 4);
      }
      expect(offer.score).toBeCloseTo(offer.components.reduce((sum, c) => sum + c.contribution, 0), 5);
    }
  });

  it('a specialist comune offer with two free years and all seats free scores the full 100 points', () => {
    const offer = anOffer({ coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }), freePeriodMonths: 24, capacity: 4, used: 0 });
    const [ranked] = rank(aRequest(), [offer], aContext());
    expect(ranked.score).toBe(100);
    expect(ranked.components).toEqual([
      { name: 'COVERAGE', raw: 0, value: 1, weight: 40, contribution: 40 },
      { name: 'DISTANCE', raw: 0, value: 1, weight: 20, contribution: 20 },
      { name: 'CATEGORY_FIT', raw: 1, value: 1, weight: 15, contribution: 15 },
      { name: 'FREE_PERIOD', raw: 24, value: 1, weight: 15, contribution: 15 },
      { name: 'REMAINING_CAPACITY', raw: 4, value: 1, weight: 10, contribution: 10 },
    ]);
  });

  it('a national two-category offer with a year free and half its seats left scores 0 + 20 + 7.5 + 7.5 + 5 = 40', () => {
    const offer = anOffer({ categories: [ONLINE_STORE, WEBSITE], freePeriodMonths: 12, capacity: 10, used: 5 });
    const [ranked] = rank(aRequest(), [offer], aContext());
    expect(ranked.components).toEqual([
      { name: 'COVERAGE', raw: 4, value: 0, weight: 40, contribution: 0 },
      { name: 'DISTANCE', raw: 0, value: 1, weight: 20, contribution: 20 },
      { name: 'CATEGORY_FIT', raw: 2, value: 0.5, weight: 15, contribution: 7.5 },
      { name: 'FREE_PERIOD', raw: 12, value: 0.5, weight: 15, contribution: 7.5 },
      { name: 'REMAINING_CAPACITY', raw: 5, value: 0.5, weight: 10, contribution: 5 },
    ]);
    expect(ranked.score).toBe(40);
  });

  it.each<[number, number]>([
    [0, 0],
    [6, 0.25],
    [18, 0.75],
    [24, 1],
    [36, 1],
  ])('a free period of %i months is valued %d (full from two years)', (months, value) => {
    const [ranked] = rank(aRequest(), [anOffer({ freePeriodMonths: months })], aContext());
    expect(ranked.components.find((c) => c.name === 'FREE_PERIOD')).toMatchObject({ raw: months, value });
  });

  it.each<[number, number]>([
    [1, 1],
    [3, 1 / 3],
    [4, 0.25],
  ])('an offer spanning %i categories has CATEGORY_FIT value %d', (count, value) => {
    const categories = Object.values(ServiceCategory).filter((c) => c !== ONLINE_STORE).slice(0, count - 1);
    const [ranked] = rank(aRequest({ category: ONLINE_STORE }), [anOffer({ categories: [ONLINE_STORE, ...categories] })], aContext());
    expect(ranked.components.find((c) => c.name === 'CATEGORY_FIT')).toMatchObject({ raw: count });
    expect(ranked.components.find((c) => c.name === 'CATEGORY_FIT')?.value).toBeCloseTo(value, 6);
  });

  it('weights decide the order: free period only prefers the longest free period over a local offer', () => {
    const local = anOffer({ id: 'local', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }), freePeriodMonths: 3 });
    const generous = anOffer({ id: 'generous', coverage: aCoverage({ national: true }), freePeriodMonths: 24 });
    const freePeriodOnly: RankWeights = { COVERAGE: 0, DISTANCE: 0, CATEGORY_FIT: 0, FREE_PERIOD: 1, REMAINING_CAPACITY: 0 };
    expect(rank(aRequest(), [local, generous], aContext()).map((r) => r.offerId)).toEqual(['local', 'generous']);
    const reweighted = rank(aRequest(), [local, generous], aContext(), freePeriodOnly);
    expect(reweighted.map((r) => r.offerId)).toEqual(['generous', 'local']);
    expect(reweighted.map((r) => r.score)).toEqual([1, 0.125]);
  });

  it('all-zero weights score every offer 0', () => {
    const zero: RankWeights = { COVERAGE: 0, DISTANCE: 0, CATEGORY_FIT: 0, FREE_PERIOD: 0, REMAINING_CAPACITY: 0 };
    expect(rank(aRequest(), OFFERS, aContext(), zero).map((r) => r.score)).toEqual([0, 0, 0, 0]);
  });

  it('the default weights sum to 100, so a score reads as points out of 100', () => {
    expect(Object.values(DEFAULT_RANK_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
