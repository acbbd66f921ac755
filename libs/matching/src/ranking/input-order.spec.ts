import { MatchingOffer } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRadius, aRequest, MILANO, northOf, ROMA } from '../testing/builders';
import { explainAll, rank } from './rank';

/** Every ordering of `items` (n! of them; n is small here). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Ranked offers (two tied), waitlist options (two tied) and ineligible ones. */
const OFFERS: readonly MatchingOffer[] = [
  anOffer({ id: 'tie-b' }),
  anOffer({ id: 'tie-a' }),
  anOffer({ id: 'local', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) }),
  anOffer({ id: 'near', coverage: aCoverage({ radii: [aRadius(northOf(MILANO, 3), 5)] }) }),
  anOffer({ id: 'wait-b', capacity: 2, used: 2 }),
  anOffer({ id: 'wait-a', capacity: 2, used: 2 }),
  anOffer({ id: 'far', coverage: aCoverage({ comuneCodes: [ROMA.comuneCode] }) }),
  anOffer({ id: 'other', categories: [ServiceCategory.CONNECTIVITY], status: 'DRAFT' }),
];

describe('ranking: independent of the order offers are listed in', () => {
  const reference = explainAll(aRequest(), OFFERS, aContext());

  it('the reference explanation has offers in every bucket, with ties', () => {
    expect(reference.ranked.map((r) => r.offerId)).toEqual(['local', 'near', 'tie-a', 'tie-b']);
    expect(reference.waitlist.map((r) => r.offerId)).toEqual(['wait-a', 'wait-b']);
    expect(reference.ineligible.map((r) => r.offerId)).toEqual(['far', 'other']);
  });

  it('every one of the 720 orderings of six offers (tied ranked and tied waitlisted ones) gives the same explanation', () => {
    const six = OFFERS.filter((o) => ['tie-a', 'tie-b', 'local', 'wait-a', 'wait-b', 'far'].includes(o.id));
    const expected = explainAll(aRequest(), six, aContext());
    expect(six).toHaveLength(6);
    const differing = permutations(six).filter((order) => JSON.stringify(explainAll(aRequest(), order, aContext())) !== JSON.stringify(expected));
    expect(differing).toEqual([]);
  });

  it.each([
    ['reversed', [...OFFERS].reverse()],
    ['sorted by id', [...OFFERS].sort((a, b) => (a.id < b.id ? -1 : 1))],
    ['rotated', [...OFFERS.slice(3), ...OFFERS.slice(0, 3)]],
  ])('rank and explainAll over the offers %s equal the reference', (_name, order) => {
    expect(explainAll(aRequest(), order, aContext())).toEqual(reference);
    expect(rank(aRequest(), order, aContext())).toEqual(reference.ranked);
  });

  it('does not reorder the caller’s array', () => {
    const offers = [...OFFERS];
    explainAll(aRequest(), offers, aContext());
    expect(offers.map((o) => o.id)).toEqual(OFFERS.map((o) => o.id));
  });
});
