import { aContext, aCoverage, anOffer, aRequest, MILANO } from '../testing/builders';
import { explainAll, rank } from './rank';

describe('ranking: ties broken by offer id', () => {
  it.each([
    [['off-c', 'off-a', 'off-b'], ['off-a', 'off-b', 'off-c']],
    [['off-b', 'off-c', 'off-a'], ['off-a', 'off-b', 'off-c']],
    // Plain string order, not numeric: the result is the same on every machine.
    [['off-2', 'off-10', 'off-1'], ['off-1', 'off-10', 'off-2']],
  ])('equal offers %j rank as %j', (ids, expected) => {
    const ranked = rank(aRequest(), ids.map((id) => anOffer({ id })), aContext());
    expect(ranked.map((r) => r.offerId)).toEqual(expected);
    expect(new Set(ranked.map((r) => r.score)).size).toBe(1);
  });

  it('a higher score beats a smaller id', () => {
    const national = anOffer({ id: 'a', coverage: aCoverage({ national: true }) });
    const local = anOffer({ id: 'z', coverage: aCoverage({ comuneCodes: [MILANO.comuneCode] }) });
    expect(rank(aRequest(), [national, local], aContext()).map((r) => r.offerId)).toEqual(['z', 'a']);
  });

  it('ties in the waitlist are broken by id too, and ineligible offers are listed by id', () => {
    const offers = [
      anOffer({ id: 'w2', capacity: 1, used: 1 }),
      anOffer({ id: 'x2', status: 'PAUSED' }),
      anOffer({ id: 'w1', capacity: 1, used: 1 }),
      anOffer({ id: 'x1', providerApproved: false }),
    ];
    const { waitlist, ineligible } = explainAll(aRequest(), offers, aContext());
    expect(waitlist.map((w) => w.offerId)).toEqual(['w1', 'w2']);
    expect(ineligible.map((i) => i.offerId)).toEqual(['x1', 'x2']);
  });
});
