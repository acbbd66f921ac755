import { surveysDue } from './surveys-due';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('outcome surveys due', () => {
  it.each([
    ['accepted, not active yet', { state: 'ACCEPTED', activatedAt: null, surveys: [] }, []],
    ['active for 10 days', { state: 'ACTIVE', activatedAt: daysAgo(10), surveys: [] }, []],
    ['active for 31 days', { state: 'ACTIVE', activatedAt: daysAgo(31), surveys: [] }, ['DAY_30']],
    ['active for 95 days, 30-day answered', { state: 'ACTIVE', activatedAt: daysAgo(95), surveys: [{ checkpoint: 'DAY_30' }] }, ['DAY_90']],
    ['completed after 5 days', { state: 'COMPLETED', activatedAt: daysAgo(5), surveys: [] }, ['COMPLETION']],
    ['completed and answered', { state: 'COMPLETED', activatedAt: daysAgo(5), surveys: [{ checkpoint: 'COMPLETION' }] }, []],
    ['withdrawn after 40 days', { state: 'WITHDRAWN', activatedAt: daysAgo(40), surveys: [] }, []],
  ] as const)('%s', (_name, match, expected) => {
    expect(surveysDue({ ...match, surveys: [...match.surveys] }, NOW)).toEqual(expected);
  });
});
