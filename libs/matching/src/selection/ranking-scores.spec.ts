import { MILANO, ROMA } from '../testing/builders';
import { anApplicant } from '../testing/selection-builders';
import { rankApplicants, scorePart } from './rank-applicants';
import type { ScoringCriterion } from './selection.types';

describe('call ranking: scores from the published criteria, in hundredths of a point', () => {
  it.each([
    // weight 30, cap 10: full points with no employees, none from 10 up, linear between
    [0, 3000],
    [1, 2700],
    [4, 1800],
    [9, 300],
    [10, 0],
    [250, 0],
  ])('fewer employees: %i employees give %i', (employees, points) => {
    const criterion: ScoringCriterion = { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 };
    expect(scorePart(criterion, 0, anApplicant('a', { employees }))).toEqual({ criterion: 0, kind: 'FEWER_EMPLOYEES', weight: 30, measured: employees, points });
  });

  it('rounds thirds half up, in integers (10 × 2/3 = 6.67 points)', () => {
    const criterion: ScoringCriterion = { kind: 'FEWER_EMPLOYEES', weight: 10, employeesCap: 3 };
    expect(scorePart(criterion, 0, anApplicant('a', { employees: 1 })).points).toBe(667);
    expect(scorePart(criterion, 0, anApplicant('a', { employees: 2 })).points).toBe(333);
  });

  it('priority provinces give all the weight or nothing', () => {
    const criterion: ScoringCriterion = { kind: 'PRIORITY_PROVINCES', weight: 25, provinceCodes: [ROMA.provinceCode] };
    expect(scorePart(criterion, 1, anApplicant('rome', { provinceCode: ROMA.provinceCode }))).toMatchObject({ measured: 1, points: 2500 });
    expect(scorePart(criterion, 1, anApplicant('milan', { provinceCode: MILANO.provinceCode }))).toMatchObject({ measured: 0, points: 0 });
  });

  it('a yes to the question gives all the weight; a no or no answer nothing', () => {
    const criterion: ScoringCriterion = { kind: 'ANSWER_YES', weight: 40, questionCode: 'FIRST_TIME' };
    expect(scorePart(criterion, 2, anApplicant('yes', { answers: { FIRST_TIME: true } })).points).toBe(4000);
    expect(scorePart(criterion, 2, anApplicant('no', { answers: { FIRST_TIME: false } })).points).toBe(0);
    expect(scorePart(criterion, 2, anApplicant('none')).points).toBe(0);
  });

  it('the score is the sum of the parts, and the highest score ranks first', () => {
    const criteria: ScoringCriterion[] = [
      { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 },
      { kind: 'PRIORITY_PROVINCES', weight: 30, provinceCodes: [ROMA.provinceCode] },
      { kind: 'ANSWER_YES', weight: 40, questionCode: 'FIRST_TIME' },
    ];
    const ranked = rankApplicants(
      [
        anApplicant('big-milan', { employees: 20 }),
        anApplicant('small-rome-first-time', { employees: 0, provinceCode: ROMA.provinceCode, answers: { FIRST_TIME: true } }),
        anApplicant('mid-rome', { employees: 5, provinceCode: ROMA.provinceCode }),
      ],
      criteria,
      ['EARLIER_APPLICATION'],
    );
    expect(ranked.map((r) => [r.id, r.position, r.score, r.separatedFromPrevious])).toEqual([
      ['small-rome-first-time', 1, 10000, null],
      ['mid-rome', 2, 4500, 'SCORE'],
      ['big-milan', 3, 0, 'SCORE'],
    ]);
    expect(ranked[1].parts.map((p) => p.points)).toEqual([1500, 3000, 0]);
  });

  it('no criteria: everyone scores 0 and the tie-break decides alone', () => {
    const ranked = rankApplicants([anApplicant('b', { submittedAt: 2 }), anApplicant('a', { submittedAt: 1 })], [], ['EARLIER_APPLICATION']);
    expect(ranked.map((r) => [r.id, r.score, r.tiedWith, r.separatedFromPrevious])).toEqual([
      ['a', 0, 1, null],
      ['b', 0, 1, 'EARLIER_APPLICATION'],
    ]);
  });
});
