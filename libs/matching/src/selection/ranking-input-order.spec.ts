import fc from 'fast-check';
import { NOW } from '../testing/builders';
import { anApplicant } from '../testing/selection-builders';
import { rankApplicants } from './rank-applicants';
import type { RankingApplicant, ScoringCriterion, TieBreakRule } from './selection.types';

const CRITERIA: ScoringCriterion[] = [
  { kind: 'FEWER_EMPLOYEES', weight: 20, employeesCap: 5 },
  { kind: 'PRIORITY_PROVINCES', weight: 30, provinceCodes: ['058'] },
  { kind: 'ANSWER_YES', weight: 50, questionCode: 'FIRST_TIME' },
];

// Few distinct values, so that many applicants tie and the tie-break is exercised.
const applicants = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    employees: fc.integer({ min: 0, max: 7 }),
    rome: fc.boolean(),
    yes: fc.option(fc.boolean()),
    at: fc.integer({ min: 0, max: 3 }),
    key: fc.constantFrom('0', '3', '7', 'a', 'f'),
  }),
  { selector: (a) => a.id, maxLength: 40 },
).map((rows): RankingApplicant[] =>
  rows.map((r) =>
    anApplicant(r.id, { employees: r.employees, provinceCode: r.rome ? '058' : '015', answers: r.yes === null ? {} : { FIRST_TIME: r.yes }, submittedAt: NOW + r.at, drawKey: r.key }),
  ),
);
const rules = fc.shuffledSubarray<TieBreakRule>(['EARLIER_APPLICATION', 'FEWER_EMPLOYEES']);

describe('call ranking: invariants', () => {
  it('is the same whatever order the applicants are given in', () => {
    fc.assert(
      fc.property(applicants.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }), rules)), ([list, shuffled, tieBreak]) => {
        expect(rankApplicants(shuffled, CRITERIA, tieBreak)).toEqual(rankApplicants(list, CRITERIA, tieBreak));
      }),
    );
  });

  it('numbers positions 1…n, scores never rise down the list, and each step names what separated it', () => {
    fc.assert(
      fc.property(applicants, rules, (list, tieBreak) => {
        const ranked = rankApplicants(list, CRITERIA, tieBreak);
        const byId = new Map(list.map((a) => [a.id, a]));
        expect(ranked.map((r) => r.position)).toEqual(list.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) {
          const [above, below] = [ranked[i - 1], ranked[i]];
          expect(below.score).toBeLessThanOrEqual(above.score);
          const [a, b] = [byId.get(above.id) as RankingApplicant, byId.get(below.id) as RankingApplicant];
          if (below.score < above.score) expect(below.separatedFromPrevious).toBe('SCORE');
          else if (below.separatedFromPrevious === 'EARLIER_APPLICATION') expect(a.submittedAt).toBeLessThan(b.submittedAt);
          else if (below.separatedFromPrevious === 'FEWER_EMPLOYEES') expect(a.employees).toBeLessThan(b.employees);
          else expect(a.drawKey <= b.drawKey).toBe(true);
        }
      }),
    );
  });
});
