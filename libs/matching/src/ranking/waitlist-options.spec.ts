import { IneligibilityReason, MatchingOffer } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, liveMatches, MILANO, ROMA } from '../testing/builders';
import { explainAll, rank } from './rank';

type Bucket = 'ranked' | 'waitlist' | 'ineligible';

interface Case {
  name: string;
  offer: Partial<MatchingOffer>;
  bucket: Bucket;
  failed?: IneligibilityReason[];
}

const FULL = { capacity: 3, used: 3 };

const CASES: Case[] = [
  { name: 'with a free slot', offer: { capacity: 3, used: 2 }, bucket: 'ranked' },
  { name: 'full', offer: FULL, bucket: 'waitlist' },
  { name: 'over-full (stale counters)', offer: { capacity: 3, used: 4 }, bucket: 'waitlist' },
  { name: 'full and outside coverage', offer: { ...FULL, coverage: aCoverage({ comuneCodes: [ROMA.comuneCode] }) }, bucket: 'ineligible', failed: ['OUTSIDE_COVERAGE', 'FULL'] },
  { name: 'full and paused', offer: { ...FULL, status: 'PAUSED' }, bucket: 'ineligible', failed: ['FULL', 'NOT_PUBLISHED'] },
  { name: 'full and of another category', offer: { ...FULL, categories: [ServiceCategory.WEBSITE] }, bucket: 'ineligible', failed: ['CATEGORY', 'FULL'] },
  { name: 'not full but expired', offer: { validUntil: 0 }, bucket: 'ineligible', failed: ['EXPIRED'] },
];

const bucketOf = (id: string, explanation: ReturnType<typeof explainAll>): Bucket[] => [
  ...(explanation.ranked.some((r) => r.offerId === id) ? (['ranked'] as const) : []),
  ...(explanation.waitlist.some((r) => r.offerId === id) ? (['waitlist'] as const) : []),
  ...(explanation.ineligible.some((r) => r.offerId === id) ? (['ineligible'] as const) : []),
];

describe('ranking: waitlist options', () => {
  it.each(CASES)('an offer $name is listed in $bucket only', ({ offer, bucket, failed }) => {
    const explanation = explainAll(aRequest(), [anOffer({ id: 'o', ...offer })], aContext());
    expect(bucketOf('o', explanation)).toEqual([bucket]);
    expect(explanation.ineligible).toEqual(failed === undefined ? [] : [{ offerId: 'o', failed }]);
  });

  it('a full offer is scored as having no seat left, the rest of its score intact', () => {
    const open = anOffer({ id: 'open', capacity: 4, used: 2 });
    const full = anOffer({ id: 'full', capacity: 4, used: 4 });
    const { ranked, waitlist } = explainAll(aRequest(), [open, full], aContext());
    const remaining = (components: (typeof waitlist)[number]['components']) => components.find((c) => c.name === 'REMAINING_CAPACITY');
    expect(remaining(waitlist[0].components)).toMatchObject({ raw: 0, value: 0, contribution: 0 });
    expect(remaining(ranked[0].components)).toMatchObject({ raw: 2, value: 0.5, contribution: 5 });
    expect(ranked[0].score - waitlist[0].score).toBeCloseTo(5, 6);
  });

  it('waitlist options are ordered by score, most local first', () => {
    const offers = [
      anOffer({ id: 'a-national', ...FULL }),
      anOffer({ id: 'b-comune', ...FULL, coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) }),
      anOffer({ id: 'c-region', ...FULL, coverage: aCoverage({ regionCodes: [MILANO.regionCode] }) }),
    ];
    expect(explainAll(aRequest(), offers, aContext()).waitlist.map((w) => w.offerId)).toEqual(['b-comune', 'c-region', 'a-national']);
  });

  it('rank() returns the eligible offers only, never a waitlist option', () => {
    const offers = [anOffer({ id: 'open' }), anOffer({ id: 'full', ...FULL })];
    expect(rank(aRequest(), offers, aContext()).map((r) => r.offerId)).toEqual(['open']);
  });

  it.each<[string, IneligibilityReason[], Parameters<typeof aRequest>[0]]>([
    ['a live match in the category', ['FULL', 'SHOP_CATEGORY_LIMIT'], { shopLiveMatches: liveMatches(1, { [ServiceCategory.ONLINE_STORE]: 1 }) }],
    ['K live matches', ['FULL', 'SHOP_LIMIT'], { shopLiveMatches: liveMatches(3) }],
  ])('a shop at its limits (%s) is not offered a waitlist', (_name, failed, request) => {
    const explanation = explainAll(aRequest(request), [anOffer({ id: 'full', ...FULL })], aContext());
    expect(explanation.waitlist).toEqual([]);
    expect(explanation.ineligible).toEqual([{ offerId: 'full', failed }]);
  });
});
