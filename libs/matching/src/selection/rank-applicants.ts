import type { RankedApplicant, RankingApplicant, RankSeparation, ScorePart, ScoringCriterion, TieBreakRule } from './selection.types';

/** Hundredths of a point for `weight × numerator ÷ denominator`, rounded half up, in integers only. */
function hundredths(weight: number, numerator: number, denominator: number): number {
  return Math.floor((2 * weight * 100 * numerator + denominator) / (2 * denominator));
}

/** One criterion's points for one applicant, and what it measured. */
export function scorePart(criterion: ScoringCriterion, index: number, applicant: RankingApplicant): ScorePart {
  const base = { criterion: index, kind: criterion.kind, weight: criterion.weight };
  switch (criterion.kind) {
    case 'FEWER_EMPLOYEES': {
      const below = Math.max(0, criterion.employeesCap - applicant.employees);
      return { ...base, measured: applicant.employees, points: hundredths(criterion.weight, below, criterion.employeesCap) };
    }
    case 'PRIORITY_PROVINCES': {
      const met = criterion.provinceCodes.includes(applicant.provinceCode);
      return { ...base, measured: met ? 1 : 0, points: met ? criterion.weight * 100 : 0 };
    }
    case 'ANSWER_YES': {
      const met = applicant.answers[criterion.questionCode] === true;
      return { ...base, measured: met ? 1 : 0, points: met ? criterion.weight * 100 : 0 };
    }
  }
}

interface Scored {
  applicant: RankingApplicant;
  parts: ScorePart[];
  score: number;
}

/** Negative when `a` comes first under the rule, positive when `b` does, 0 when the rule does not separate them. */
const COMPARE: Readonly<Record<TieBreakRule | 'DRAW', (a: RankingApplicant, b: RankingApplicant) => number>> = {
  EARLIER_APPLICATION: (a, b) => a.submittedAt - b.submittedAt,
  FEWER_EMPLOYEES: (a, b) => a.employees - b.employees,
  DRAW: (a, b) => (a.drawKey < b.drawKey ? -1 : a.drawKey > b.drawKey ? 1 : 0),
};

/** What first tells `a` and `b` apart, and in which direction; null when nothing does. */
function separation(a: Scored, b: Scored, tieBreak: readonly TieBreakRule[]): { by: RankSeparation; order: number } | null {
  if (a.score !== b.score) return { by: 'SCORE', order: b.score - a.score };
  for (const rule of [...tieBreak, 'DRAW'] as const) {
    const order = COMPARE[rule](a.applicant, b.applicant);
    if (order !== 0) return { by: rule, order };
  }
  return null;
}

/**
 * The ranking (graduatoria) of a call's applicants: each scored by the published criteria, then
 * ordered by score, highest first; equal scores by the published tie-break rules in their order,
 * then by the draw key, then (only if two draw keys were equal, which a hash makes practically
 * impossible) by id. The result depends on the applicants, not on the order they are given in.
 */
export function rankApplicants(
  applicants: readonly RankingApplicant[],
  criteria: readonly ScoringCriterion[],
  tieBreak: readonly TieBreakRule[],
): RankedApplicant[] {
  const scored: Scored[] = applicants.map((applicant) => {
    const parts = criteria.map((criterion, index) => scorePart(criterion, index, applicant));
    return { applicant, parts, score: parts.reduce((sum, part) => sum + part.points, 0) };
  });
  const byId = (a: Scored, b: Scored): number => (a.applicant.id < b.applicant.id ? -1 : a.applicant.id > b.applicant.id ? 1 : 0);
  scored.sort((a, b) => separation(a, b, tieBreak)?.order || byId(a, b));
  const perScore = new Map<number, number>();
  for (const s of scored) perScore.set(s.score, (perScore.get(s.score) ?? 0) + 1);
  return scored.map((s, index) => ({
    id: s.applicant.id,
    position: index + 1,
    score: s.score,
    parts: s.parts,
    tiedWith: (perScore.get(s.score) ?? 1) - 1,
    separatedFromPrevious: index === 0 ? null : (separation(scored[index - 1], s, tieBreak)?.by ?? 'DRAW'),
  }));
}
