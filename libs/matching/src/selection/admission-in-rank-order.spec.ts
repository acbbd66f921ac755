import { admitInRankOrder, AdmissionCandidate } from './admit-in-rank-order';

const fits = (id: string, offerIds: string[], blockedBy: string[] = []): AdmissionCandidate => ({ id, offerIds, blockedBy });

describe('call admission: places taken in rank order, within the places and the offers’ free places', () => {
  it('admits the first N and leaves the rest waiting because the call is full', () => {
    const result = admitInRankOrder([fits('1', ['o']), fits('2', ['o']), fits('3', ['o'])], 2, { o: 10 });
    expect(result.admitted).toEqual([
      { id: '1', offerId: 'o' },
      { id: '2', offerId: 'o' },
    ]);
    expect(result.waiting).toEqual([{ id: '3', reason: 'CALL_FULL', blockedBy: [] }]);
    expect(result.freeAfter).toEqual({ o: 8 });
  });

  it('capacity short: never more than the free places, the rest wait for a place in rank order', () => {
    const result = admitInRankOrder([fits('1', ['o']), fits('2', ['o']), fits('3', ['o'])], 3, { o: 1 });
    expect(result.admitted).toEqual([{ id: '1', offerId: 'o' }]);
    expect(result.waiting.map((w) => [w.id, w.reason])).toEqual([
      ['2', 'NO_PLACE_LEFT'],
      ['3', 'NO_PLACE_LEFT'],
    ]);
  });

  it('each takes the first offer of its own order with room', () => {
    const result = admitInRankOrder([fits('1', ['local', 'national']), fits('2', ['local', 'national']), fits('3', ['national'])], 3, { local: 1, national: 1 });
    expect(result.admitted).toEqual([
      { id: '1', offerId: 'local' },
      { id: '2', offerId: 'national' },
    ]);
    expect(result.waiting).toEqual([{ id: '3', reason: 'NO_PLACE_LEFT', blockedBy: [] }]);
  });

  it('one blocked by its own limits is passed over, and the next takes the place', () => {
    const result = admitInRankOrder([fits('1', ['o'], ['SHOP_CATEGORY_LIMIT']), fits('2', ['o']), fits('3', [])], 1, { o: 5 });
    expect(result.admitted).toEqual([{ id: '2', offerId: 'o' }]);
    expect(result.waiting).toEqual([
      { id: '1', reason: 'BLOCKED', blockedBy: ['SHOP_CATEGORY_LIMIT'] },
      { id: '3', reason: 'CALL_FULL', blockedBy: [] },
    ]);
  });

  it('one whose only offer is full waits, and one below with room elsewhere is admitted', () => {
    const result = admitInRankOrder([fits('1', ['lombardia']), fits('2', ['lazio'])], 2, { lombardia: 0, lazio: 1 });
    expect(result.admitted).toEqual([{ id: '2', offerId: 'lazio' }]);
    expect(result.waiting).toEqual([{ id: '1', reason: 'NO_PLACE_LEFT', blockedBy: [] }]);
  });

  it('no places to fill: everyone waits; nothing changes the free places', () => {
    const result = admitInRankOrder([fits('1', ['o'])], 0, { o: 3 });
    expect(result).toEqual({ admitted: [], waiting: [{ id: '1', reason: 'CALL_FULL', blockedBy: [] }], freeAfter: { o: 3 } });
  });
});
