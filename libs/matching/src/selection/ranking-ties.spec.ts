import { NOW } from '../testing/builders';
import { anApplicant } from '../testing/selection-builders';
import { rankApplicants } from './rank-applicants';
import type { ScoringCriterion } from './selection.types';

const ONE_YES: ScoringCriterion[] = [{ kind: 'ANSWER_YES', weight: 10, questionCode: 'FIRST_TIME' }];
const yes = { FIRST_TIME: true };

describe('call ranking: equal scores follow the published tie-break, then the draw', () => {
  it('earlier application first; at the same instant, the lower draw key', () => {
    const ranked = rankApplicants(
      [
        anApplicant('late', { answers: yes, submittedAt: NOW + 5, drawKey: '00' }),
        anApplicant('same-instant-b', { answers: yes, submittedAt: NOW, drawKey: 'b1' }),
        anApplicant('same-instant-a', { answers: yes, submittedAt: NOW, drawKey: 'a9' }),
        anApplicant('no', { answers: { FIRST_TIME: false }, submittedAt: NOW - 100, drawKey: '00' }),
      ],
      ONE_YES,
      ['EARLIER_APPLICATION'],
    );
    expect(ranked.map((r) => [r.id, r.position, r.tiedWith, r.separatedFromPrevious])).toEqual([
      ['same-instant-a', 1, 2, null],
      ['same-instant-b', 2, 2, 'DRAW'],
      ['late', 3, 2, 'EARLIER_APPLICATION'],
      ['no', 4, 0, 'SCORE'],
    ]);
  });

  it('rules apply in the published order: fewer employees before earlier application', () => {
    const applicants = [
      anApplicant('early-big', { submittedAt: NOW, employees: 9 }),
      anApplicant('late-small', { submittedAt: NOW + 1, employees: 2 }),
    ];
    expect(rankApplicants(applicants, [], ['FEWER_EMPLOYEES', 'EARLIER_APPLICATION']).map((r) => r.id)).toEqual(['late-small', 'early-big']);
    expect(rankApplicants(applicants, [], ['EARLIER_APPLICATION', 'FEWER_EMPLOYEES']).map((r) => r.id)).toEqual(['early-big', 'late-small']);
  });

  it('with no rule but the draw, the draw key alone orders equal scores', () => {
    const ranked = rankApplicants(
      ['c3', 'a1', 'b2'].map((key, i) => anApplicant(`app-${i}`, { drawKey: key, submittedAt: NOW + i })),
      [],
      [],
    );
    expect(ranked.map((r) => r.id)).toEqual(['app-1', 'app-2', 'app-0']);
    expect(ranked.slice(1).every((r) => r.separatedFromPrevious === 'DRAW')).toBe(true);
  });

  it('a tie-break never lifts a lower score', () => {
    const ranked = rankApplicants(
      [anApplicant('first-but-no', { submittedAt: NOW - 1000, drawKey: '0' }), anApplicant('yes', { answers: yes, submittedAt: NOW, drawKey: 'f' })],
      ONE_YES,
      ['EARLIER_APPLICATION'],
    );
    expect(ranked.map((r) => r.id)).toEqual(['yes', 'first-but-no']);
  });
});
