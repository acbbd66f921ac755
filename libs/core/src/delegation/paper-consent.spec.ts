import { DelegationException } from './delegation.exception';
import { assertDeclaredOn } from './paper-consent.records';

describe('assertDeclaredOn', () => {
  const refused = (declaredOn: string, now: string): boolean => {
    try {
      assertDeclaredOn(declaredOn, new Date(now), 'input.declaredOn');
      return false;
    } catch (error) {
      expect(error).toBeInstanceOf(DelegationException);
      return true;
    }
  };

  it('takes a declaration dated today in Italy, even while it is still yesterday in UTC', () => {
    // 00:30 in Rome on 6 December (CET), 23:30 UTC on the 5th.
    expect(refused('2026-12-06', '2026-12-05T23:30:00Z')).toBe(false);
    // 00:30 in Rome on 2 July (CEST), 22:30 UTC on the 1st.
    expect(refused('2026-07-02', '2026-07-01T22:30:00Z')).toBe(false);
    expect(refused('2026-12-05', '2026-12-05T12:00:00Z')).toBe(false);
  });

  it('refuses a declaration signed more than two years ago, or in another century', () => {
    expect(refused('2024-12-06', '2026-12-06T12:00:00Z')).toBe(false);
    expect(refused('2024-12-05', '2026-12-06T12:00:00Z')).toBe(true);
    expect(refused('1900-01-01', '2026-12-06T12:00:00Z')).toBe(true);
    // 29 February, two years on, is compared as text: 2026-02-29 sorts after the 28th.
    expect(refused('2026-02-28', '2028-02-29T12:00:00Z')).toBe(true);
    expect(refused('2026-03-01', '2028-02-29T12:00:00Z')).toBe(false);
  });

  it('refuses a date after today in Italy', () => {
    expect(refused('2026-12-07', '2026-12-05T23:30:00Z')).toBe(true);
    // 23:30 in Rome on 5 December: the 6th is still tomorrow.
    expect(refused('2026-12-06', '2026-12-05T22:30:00Z')).toBe(true);
  });
});
