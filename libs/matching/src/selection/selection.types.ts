import type { EpochMs } from '../model/matching.types';

/**
 * Plain data for selection calls (bandi): who may apply, how applicants are scored and ordered,
 * and who takes the places. Like the rest of the engine, no clock and no randomness: the draw that
 * breaks the last ties is a key computed outside from a published seed and handed in.
 */

/** The published eligibility rules of a call. Empty lists mean "no restriction". */
export interface CallEligibilityRules {
  /** The applicant qualifies when its ATECO section OR its division is listed (both empty: every sector). */
  sections: readonly string[];
  divisions: readonly string[];
  /** Employees at application, inclusive bounds; null: no bound. */
  minEmployees: number | null;
  maxEmployees: number | null;
  /** The applicant's comune, its province or its region is listed (all empty: all of Italy). */
  regionCodes: readonly string[];
  provinceCodes: readonly string[];
  comuneCodes: readonly string[];
  /** Declarations every applicant must confirm, by code. */
  declarationCodes: readonly string[];
  /** Yes/no questions every applicant must answer, by code. */
  questionCodes: readonly string[];
  /** Applications are taken from `opensAt` (inclusive) until `closesAt` (exclusive). */
  opensAt: EpochMs;
  closesAt: EpochMs;
}

/** What an applicant says and is, as recorded when it applies. */
export interface CallApplicantFacts {
  section: string;
  division: string;
  employees: number;
  comuneCode: string;
  provinceCode: string;
  regionCode: string;
  /** Codes of the declarations it confirmed. */
  declarations: readonly string[];
  /** Its answers to the call's questions, by code. */
  answers: Readonly<Record<string, boolean>>;
  /** When it applies. */
  at: EpochMs;
}

/** A rule of the call the applicant does not meet, with what the words need. */
export type CallIneligibility =
  | { code: 'NOT_OPEN_YET'; opensAt: EpochMs }
  | { code: 'WINDOW_CLOSED'; closesAt: EpochMs }
  | { code: 'SECTOR' }
  | { code: 'TOO_FEW_EMPLOYEES'; min: number }
  | { code: 'TOO_MANY_EMPLOYEES'; max: number }
  | { code: 'OUTSIDE_TERRITORY' }
  | { code: 'DECLARATION_NOT_CONFIRMED'; declarationCode: string }
  | { code: 'QUESTION_NOT_ANSWERED'; questionCode: string };

export type CallIneligibilityCode = CallIneligibility['code'];

export type CallEligibility = { ok: true } | { ok: false; failed: CallIneligibility[] };

/**
 * A scoring criterion with its published weight (whole points, 1–100):
 * - FEWER_EMPLOYEES: full points with no employees, none from `employeesCap` up, linear between;
 * - PRIORITY_PROVINCES: full points when the applicant is in one of the listed provinces (for
 *   instance those where shops asked for the service and no offer reached them), none otherwise;
 * - ANSWER_YES: full points when the applicant answered yes to the question (for instance "is it
 *   the first time your business uses digital services?"), none otherwise.
 */
export type ScoringCriterion =
  | { kind: 'FEWER_EMPLOYEES'; weight: number; employeesCap: number }
  | { kind: 'PRIORITY_PROVINCES'; weight: number; provinceCodes: readonly string[] }
  | { kind: 'ANSWER_YES'; weight: number; questionCode: string };

export type ScoringKind = ScoringCriterion['kind'];

/**
 * How equal scores are ordered, in the published order; the draw always comes last, so that the
 * order is total. EARLIER_APPLICATION: the one that applied first; FEWER_EMPLOYEES: the smaller.
 */
export type TieBreakRule = 'EARLIER_APPLICATION' | 'FEWER_EMPLOYEES';

/** What separated an applicant from the one ranked just above it. */
export type RankSeparation = 'SCORE' | TieBreakRule | 'DRAW';

/** One applicant as the ranking reads it. */
export interface RankingApplicant {
  id: string;
  employees: number;
  provinceCode: string;
  answers: Readonly<Record<string, boolean>>;
  submittedAt: EpochMs;
  /**
   * The applicant's draw key: the same for the same published seed and application, different
   * across applications (a hash, written in hexadecimal). Lower comes first.
   */
  drawKey: string;
}

/** A criterion's part of a score: what was measured and the points it gave, in hundredths. */
export interface ScorePart {
  criterion: number;
  kind: ScoringKind;
  weight: number;
  /** FEWER_EMPLOYEES: the employees; PRIORITY_PROVINCES and ANSWER_YES: 1 when met, 0 when not. */
  measured: number;
  /** Hundredths of a point, 0 … weight × 100. */
  points: number;
}

export interface RankedApplicant {
  id: string;
  /** 1 for the first. */
  position: number;
  /** Hundredths of a point: the sum of the parts. */
  score: number;
  parts: ScorePart[];
  /** How many other applicants have exactly this score. */
  tiedWith: number;
  /** What put it below the one ranked just above (null for the first). */
  separatedFromPrevious: RankSeparation | null;
}
