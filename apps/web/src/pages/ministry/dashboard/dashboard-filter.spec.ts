import { filterFromParams, isFiltered, paramsFromFilter, toMonitoringFilter, unreadableDates, filterProblems } from './dashboard-filter';

describe('the dashboard filter', () => {
  it('reads the address and writes it back without empty parameters', () => {
    const filter = filterFromParams(new URLSearchParams('regione=01&categoria=ONLINE_STORE&dal=2026-03-01&al='));
    expect(filter).toEqual({ regionCode: '01', provinceCode: '', category: 'ONLINE_STORE', atecoSection: '', from: '2026-03-01', to: '' });
    expect(paramsFromFilter(filter).toString()).toBe('regione=01&categoria=ONLINE_STORE&dal=2026-03-01');
    expect(isFiltered(filter)).toBe(true);
    expect(isFiltered(filterFromParams(new URLSearchParams('')))).toBe(false);
  });

  it('sends whole Italian days with the last day included, and only the fields chosen', () => {
    const input = toMonitoringFilter(filterFromParams(new URLSearchParams('provincia=001&sezione=G&dal=2026-03-01&al=2026-03-31')));
    expect(input).toEqual({
      provinceCode: '001',
      atecoSection: 'G',
      // Midnight in Italy: winter time on 1 March, summer time on 1 April.
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('names the dates that are not calendar days, and leaves them out of the API filter', () => {
    const filter = filterFromParams(new URLSearchParams('dal=ieri&al=2026-02-30'));
    expect(unreadableDates(filter)).toEqual(['from', 'to']);
    expect(toMonitoringFilter(filter)).toEqual({});
    expect(unreadableDates(filterFromParams(new URLSearchParams('dal=2026-02-28')))).toEqual([]);
  });

  it('finds a period that ends before it starts, once both dates are days', () => {
    expect(filterProblems(filterFromParams(new URLSearchParams('dal=2026-05-10&al=2026-05-01')))).toEqual([{ field: 'to', reason: 'endsBeforeStart' }]);
    expect(filterProblems(filterFromParams(new URLSearchParams('dal=2026-05-01&al=2026-05-01')))).toEqual([]);
    expect(filterProblems(filterFromParams(new URLSearchParams('dal=ieri&al=2026-05-01')))).toEqual([{ field: 'from', reason: 'notADate' }]);
  });
});
