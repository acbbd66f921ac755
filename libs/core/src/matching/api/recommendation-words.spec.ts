import { toApplyResult } from '../../match/api/match.results';
import { toExplanations } from './recommendation.models';

describe('why an offer does not fit, in words', () => {
  it('offers the waitlist when being full is the only obstacle', () => {
    expect(toExplanations(['FULL'])).toEqual([{ code: 'FULL', message: 'No places left: you can join the waitlist', messageIt: 'Posti esauriti: puoi entrare in lista d’attesa' }]);
  });

  it('does not offer it when another rule keeps the shop out as well', () => {
    for (const other of ['SHOP_CATEGORY_LIMIT', 'OUTSIDE_COVERAGE'] as const) {
      const words = toExplanations(['FULL', other]).map((r) => r.messageIt);
      expect(words[0]).toBe('Posti esauriti');
      expect(toApplyResult({ kind: 'not-eligible', failed: ['FULL', other] })).toMatchObject({ messageIt: expect.not.stringContaining('lista d’attesa') });
    }
  });
});
